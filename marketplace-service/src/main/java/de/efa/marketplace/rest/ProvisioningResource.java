package de.efa.marketplace.rest;

import de.efa.marketplace.mapping.DeadLetterView;
import de.efa.marketplace.mapping.JobView;
import de.efa.marketplace.mapping.StatsView;
import de.efa.marketplace.service.ListQuery;
import de.efa.marketplace.service.OperatorService;
import de.efa.platform.paging.Page;
import de.efa.platform.problem.Problem;
import de.efa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of provisioning (docs/services.md). */
@Path("/api/v1/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning", description = "Provisioning jobs, their broker calls, dead letters and figures; operators only")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = ProvisioningResource.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller is not an operator",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ProvisioningResource.FORBIDDEN)))
@RolesAllowed(Roles.OPERATOR)
public class ProvisioningResource {

    static final String UNAUTHORIZED = """
            {"type":"https://efa-marketplace.de/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"A valid bearer token is required","instance":"/api/v1/provisioning/jobs"}""";
    static final String FORBIDDEN = """
            {"type":"https://efa-marketplace.de/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"Your role does not allow this operation","instance":"/api/v1/provisioning/jobs"}""";

    private final OperatorService operator;

    public ProvisioningResource(OperatorService operator) {
        this.operator = operator;
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "List provisioning jobs",
            description = "Role operator. Newest request first; filter by status, AGS, service and subscription; paged "
                    + "(page ≥ 0, size 1..100, default 20).")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = Page.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = JobView.class)),
                    examples = @ExampleObject(name = "page", value = """
                            {"items":[{"id":"7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70","subscriptionId":"0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b",\
                            "ags":"14713000","serviceId":"5d1c7e2a-3b4c-4d5e-8f9a-0b1c2d3e4f5a","planId":"standard",\
                            "previousPlanId":null,"instanceId":"0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b","operation":"PROVISION",\
                            "status":"SUCCEEDED","step":"POLL",\
                            "dashboardUrl":"http://localhost:8090/dashboard/0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b",\
                            "failureReason":null,"failureKind":null,"requestedAt":"2026-11-26T10:15:30Z","finishedAt":"2026-11-26T10:15:31Z",\
                            "traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}],\
                            "page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = """
                            {"type":"https://efa-marketplace.de/problems/validation","title":"Invalid request","status":400,\
                            "detail":"1 field is invalid","instance":"/api/v1/provisioning/jobs",\
                            "violations":[{"field":"status","message":"must be one of [PENDING, IN_PROGRESS, SUCCEEDED, FAILED]"}]}""")))
    public Page<JobView> jobs(
            @Parameter(description = "PENDING, IN_PROGRESS, SUCCEEDED or FAILED") @QueryParam("status") String status,
            @Parameter(description = "The tenant's AGS, 8 digits", example = "14713000") @QueryParam("ags") String ags,
            @Parameter(description = "The catalog service id") @QueryParam("serviceId") String serviceId,
            @Parameter(description = "The subscription id (also the OSB instance id)") @QueryParam("subscriptionId") String subscriptionId,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return operator.jobs(ListQuery.parse(status, ags, serviceId, subscriptionId, page, size));
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "One provisioning job with every broker call",
            description = "Role operator. The job and each attempt: time, request, status, answer, duration.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "failed", value = """
                            {"id":"7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70","subscriptionId":"0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b",\
                            "ags":"14713000","serviceId":"5d1c7e2a-3b4c-4d5e-8f9a-0b1c2d3e4f5a","planId":"standard",\
                            "previousPlanId":null,"instanceId":"0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b","operation":"PROVISION",\
                            "status":"FAILED","step":"SEND","dashboardUrl":null,\
                            "failureReason":"the broker refused the request with 409","failureKind":null,"requestedAt":"2026-11-26T10:15:30Z",\
                            "finishedAt":"2026-11-26T10:15:31Z","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","attempts":[{"at":"2026-11-26T10:15:31Z","action":"PROVISION",\
                            "requestIdentity":"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a","request":"PUT http://localhost:8090/v2/service_instances/0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b?accepts_incomplete=true",\
                            "requestBody":"{}","status":409,"answer":"{}","durationMs":12}]}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobView job(@PathParam("id") String id) {
        return operator.job(id);
    }

    @POST
    @Path("/jobs/{id}/retry")
    @Operation(summary = "Send a FAILED job again",
            description = "Role operator. The job goes back to PENDING with a fresh retry budget; its attempts stay. "
                    + "It stays the same job, so its results carry the same jobId. The same instance id is used, so "
                    + "the broker never gets a second instance. Only the newest job of a subscription can be retried, "
                    + "and no UPDATE job: tenant-service has settled its subscription by the failed change and would "
                    + "ignore the result of a retry; the repair there is the change requested again, which makes a new "
                    + "job. A retried PROVISION job that succeeds makes its FAILED subscription ACTIVE; it cannot be "
                    + "retried once a job of another subscription of the same municipality (ags) and service was "
                    + "received after it, whatever its operation and status: the municipality has subscribed again, "
                    + "a retry would give it a second instance, and of its subscriptions to a service only the newest "
                    + "can be revived, so that at most one is live. That holds also when the newer subscription has "
                    + "FAILED (it can be retried itself) or been CANCELLED (the municipality ended the service). The "
                    + "repair is the newer subscription, or a new request at tenant-service. The other operations "
                    + "leave their subscription live when they fail, so it has no newer one, and they never create "
                    + "an instance.")
    @APIResponse(responseCode = "200", description = "The job, PENDING again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job is not FAILED, a newer job of its subscription "
            + "has superseded it, it is an UPDATE job, or it is a PROVISION job whose municipality has subscribed to "
            + "the service again since",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "not failed", value = """
                            {"type":"https://efa-marketplace.de/problems/conflict","title":"Conflict","status":409,\
                            "detail":"Only a FAILED job can be retried; this one is SUCCEEDED",\
                            "instance":"/api/v1/provisioning/jobs/7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70/retry"}"""),
                        @ExampleObject(name = "superseded", value = """
                            {"type":"https://efa-marketplace.de/problems/conflict","title":"Conflict","status":409,\
                            "detail":"Job 7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70 has been superseded by the newer job \
                            c81d4e2f-5a6b-4c7d-9e8f-0a1b2c3d4e5f of the same subscription; only the newest job of a \
                            subscription can be retried",\
                            "instance":"/api/v1/provisioning/jobs/7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70/retry"}"""),
                        @ExampleObject(name = "subscribed again", value = """
                            {"type":"https://efa-marketplace.de/problems/conflict","title":"Conflict","status":409,\
                            "detail":"Job 7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70 cannot be retried: municipality \
                            14713000 has subscribed to service 5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f again since, and \
                            job c81d4e2f-5a6b-4c7d-9e8f-0a1b2c3d4e5f (PROVISION, SUCCEEDED) of its newer subscription \
                            2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b was received after this one. A retry would provision \
                            a second instance of the service for the municipality, whatever became of that \
                            subscription; it has at most one live subscription per service. Repair subscription \
                            2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b instead, or request the service anew at \
                            tenant-service, which makes a new job",\
                            "instance":"/api/v1/provisioning/jobs/7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70/retry"}"""),
                        @ExampleObject(name = "settled by tenant-service", value = """
                            {"type":"https://efa-marketplace.de/problems/conflict","title":"Conflict","status":409,\
                            "detail":"Job 7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70 failed to change subscription \
                            0b9f6d1e-2c3a-4b5d-8e7f-9a0b1c2d3e4f, whose change tenant-service has dropped, keeping the \
                            plan and configuration in effect: it would ignore the result of a retry. Request the change \
                            again at tenant-service instead (PATCH \
                            /api/v1/tenants/14713000/subscriptions/0b9f6d1e-2c3a-4b5d-8e7f-9a0b1c2d3e4f), which makes \
                            a new job",\
                            "instance":"/api/v1/provisioning/jobs/7a2e1c4b-0d55-4e1f-8f0a-2b3c4d5e6f70/retry"}""")}))
    public JobView retry(@PathParam("id") String id) {
        return operator.retry(id);
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Provisioning figures",
            description = "Role operator. Jobs by status; p50, p95 and max milliseconds from the request to the "
                    + "result of finished jobs (`durationMs`) and to ACTIVE of the provisionings that succeeded "
                    + "(`timeToActiveMs`); jobs finished in the last minute, per second overall, and in each of the "
                    + "last 60 minutes (`perMinute`).")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsView.class),
                    examples = @ExampleObject(name = "stats", value = """
                            {"counts":{"PENDING":0,"IN_PROGRESS":2,"SUCCEEDED":10749,"FAILED":0},"total":10751,\
                            "durationMs":{"p50":1200,"p95":3400,"max":9100,"finished":10749},\
                            "timeToActiveMs":{"p50":1150,"p95":3300,"max":8800,"finished":10749},\
                            "throughput":{"finishedLastMinute":5400,"overallPerSecond":212.5},"perMinute":[]}""")))
    public StatsView stats() {
        return operator.stats();
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Records that could not be read or applied",
            description = "Role operator. The records of the request and catalog topics that were parked: newest "
                    + "first, with topic, partition, offset, key, value, headers and the reason; paged (page ≥ 0, "
                    + "size 1..100, default 20). A NUL character of a value or header is shown as U+FFFD.")
    @APIResponse(responseCode = "200", description = "A page of dead letters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = Page.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = DeadLetterView.class)),
                    examples = @ExampleObject(name = "page", value = """
                            {"items":[{"id":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f","topic":"efa.onboarding.requests.v1",\
                            "partition":2,"offset":17,"key":"0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b","value":"not json",\
                            "headers":[{"name":"ce_type","value":"de.efa.subscription.requested.v1"}],\
                            "reason":"the value is not JSON","receivedAt":"2026-11-26T10:15:30Z"}],"page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "400", description = "A paging parameter is invalid; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DeadLetterView> deadLetters(
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return operator.deadLetters(ListQuery.page(page, size));
    }
}
