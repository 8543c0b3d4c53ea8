package de.efa.marketplace.rest;

import de.efa.marketplace.mapping.FindingView;
import de.efa.marketplace.mapping.ReconciliationView;
import de.efa.marketplace.mapping.ResolveRequest;
import de.efa.marketplace.service.FindingQuery;
import de.efa.marketplace.service.FindingService;
import de.efa.marketplace.service.ReconciliationService;
import de.efa.platform.paging.Page;
import de.efa.platform.problem.Problem;
import de.efa.platform.security.Caller;
import de.efa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Reconciliation runs and the findings they and failed jobs leave, for operators (docs/services.md). */
@Path("/api/v1/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "Comparing what the marketplace believes with what the brokers hold, and "
        + "the findings where they part; operators only")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = ProvisioningResource.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller is not an operator",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ProvisioningResource.FORBIDDEN)))
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
public class ReconciliationResource {

    private static final String RUNS = "/api/v1/provisioning/reconciliations/";

    static final String FINDING = """
            {"id":"6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c","kind":"PLAN_DIFFERS",\
            "subscriptionId":"0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b","brokerUrl":"http://localhost:8090",\
            "evidence":{"believed":{"planId":"standard","suspended":false},"broker":{\
            "request":"GET http://localhost:8090/v2/service_instances/0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b",\
            "requestIdentity":"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a","status":200,\
            "answer":{"service_id":"5d1c7e2a-3b4c-4d5e-8f9a-0b1c2d3e4f5a","plan_id":"premium"}}},\
            "detectedAt":"2026-11-27T03:00:04Z","resolvedAt":null,"resolvedBy":null,"note":null}""";

    private final ReconciliationService reconciliations;
    private final FindingService findings;
    private final Caller caller;

    /** Request-scoped, so that {@code caller} is the one of this request. */
    public ReconciliationResource(ReconciliationService reconciliations, FindingService findings, Caller caller) {
        this.reconciliations = reconciliations;
        this.findings = findings;
        this.caller = caller;
    }

    @POST
    @Path("/reconciliations")
    @Operation(summary = "Start a reconciliation run",
            description = "Role operator. The run fetches every instance the marketplace believes live from its "
                    + "broker (where the broker's catalog says instances_retrievable; the others are named as "
                    + "skipped) and records a finding for each difference, asynchronously (hence 202); follow it at "
                    + "`Location`. While a run is RUNNING, it answers instead of a new one. Runs also start by "
                    + "themselves daily.")
    @APIResponse(responseCode = "202", description = "The run, RUNNING; `Location` names it",
            headers = @Header(name = "Location", description = "The run"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationView.class),
                    examples = @ExampleObject(name = "started", value = """
                            {"id":"2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c","requestedBy":"operator 3f2a9c1e",\
                            "status":"RUNNING","startedAt":"2026-11-27T08:00:00Z","finishedAt":null,\
                            "counts":{"instances":0,"checked":0,"findings":0,"known":0,"inconclusive":0,"busy":0,\
                            "skipped":0},"skippedBrokers":[],"failureReason":null}""")))
    public Response reconcile() {
        ReconciliationView run = reconciliations.request(caller);
        return Response.accepted(run).location(URI.create(RUNS + run.id())).build();
    }

    @GET
    @Path("/reconciliations/{id}")
    @Operation(summary = "One reconciliation run",
            description = "Role operator. Its status and, once FINISHED, its counts and the brokers it skipped, with "
                    + "the reason (not instances_retrievable, a catalog that could not be read, no broker known). "
                    + "The findings themselves are listed at /api/v1/provisioning/findings.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationView.class),
                    examples = @ExampleObject(name = "finished", value = """
                            {"id":"2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c","requestedBy":"schedule","status":"FINISHED",\
                            "startedAt":"2026-11-27T03:30:00Z","finishedAt":"2026-11-27T03:30:41Z",\
                            "counts":{"instances":120,"checked":100,"findings":2,"known":1,"inconclusive":3,"busy":1,\
                            "skipped":16},"skippedBrokers":[{"brokerUrl":"https://osb.dataport.example",\
                            "reason":"its catalog does not say instances_retrievable","instances":16}],\
                            "failureReason":null}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReconciliationView reconciliation(@PathParam("id") String id) {
        return reconciliations.run(id);
    }

    @GET
    @Path("/findings")
    @Operation(summary = "List findings",
            description = "Role operator. Newest first; filter by kind and by whether they are resolved; paged "
                    + "(page ≥ 0, size 1..100, default 20). Of each subscription and kind only one finding is open "
                    + "at a time. An open SUSPENSION_NOT_CONFIRMED finding is resolved by the marketplace itself "
                    + "(resolvedBy marketplace-service, with a note naming the job) once a SUSPEND job of its "
                    + "subscription succeeds, e.g. the operator's retry of the failed one.")
    @APIResponse(responseCode = "200", description = "A page of findings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = Page.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = FindingView.class)),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + FINDING
                            + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = """
                            {"type":"https://efa-marketplace.de/problems/validation","title":"Invalid request",\
                            "status":400,"detail":"1 field is invalid","instance":"/api/v1/provisioning/findings",\
                            "violations":[{"field":"resolved","message":"must be true or false"}]}""")))
    public Page<FindingView> findings(
            @Parameter(description = "MISSING_AT_PROVIDER, PLAN_DIFFERS, ORPHAN_LEFT or SUSPENSION_NOT_CONFIRMED")
            @QueryParam("kind") String kind,
            @Parameter(description = "true: only resolved findings; false: only open ones",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("resolved") String resolved,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return findings.list(FindingQuery.parse(kind, resolved, page, size));
    }

    @POST
    @Path("/findings/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve a finding",
            description = "Role operator. Closes an open finding with a note saying what was found out or done; the "
                    + "operator is named as who resolved it. The same difference found again later is a new finding.")
    @APIResponse(responseCode = "200", description = "The finding, resolved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FindingView.class),
                    examples = @ExampleObject(name = "resolved", value = """
                            {"id":"6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c","kind":"MISSING_AT_PROVIDER",\
                            "subscriptionId":"0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b","brokerUrl":"http://localhost:8090",\
                            "evidence":{"believed":{"planId":"standard","suspended":false},"broker":{\
                            "request":"GET http://localhost:8090/v2/service_instances/0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b",\
                            "requestIdentity":"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a","status":404,"answer":{}}},\
                            "detectedAt":"2026-11-27T03:00:04Z","resolvedAt":"2026-11-27T08:12:40Z",\
                            "resolvedBy":"operator 3f2a9c1e-7b6d-4e5f-8a9b-0c1d2e3f4a5b",\
                            "note":"The provider restored the instance from its backup"}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, the body is unreadable or has an "
            + "unknown field, or the note is missing, blank or longer than 2,000 characters; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such finding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The finding is resolved already (by an operator, or by the "
            + "marketplace after a suspension that succeeded)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "resolved already", value = """
                            {"type":"https://efa-marketplace.de/problems/conflict","title":"Conflict","status":409,\
                            "detail":"Finding 6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c was resolved already, at \
                            2026-11-27T08:12:40Z by operator 3f2a9c1e-7b6d-4e5f-8a9b-0c1d2e3f4a5b",\
                            "instance":"/api/v1/provisioning/findings/6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c/resolve"}""")))
    public FindingView resolve(@PathParam("id") String id, ResolveRequest request) {
        return findings.resolve(caller, id, request);
    }
}
