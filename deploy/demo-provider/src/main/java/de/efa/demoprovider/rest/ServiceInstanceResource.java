package de.efa.demoprovider.rest;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.mapping.FetchedInstance;
import de.efa.demoprovider.mapping.InstanceMapper;
import de.efa.demoprovider.mapping.LastOperationAnswer;
import de.efa.demoprovider.mapping.OperationAnswer;
import de.efa.demoprovider.mapping.ProvisionAnswer;
import de.efa.demoprovider.mapping.ProvisionBody;
import de.efa.demoprovider.mapping.UpdateBody;
import de.efa.demoprovider.rest.error.OsbError;
import de.efa.demoprovider.service.BrokerService;
import de.efa.demoprovider.service.LastOperation;
import de.efa.demoprovider.service.OperationOutcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.UUID;

@Path(BrokerApi.BASE + "/service_instances/{instance_id}")
@Tag(name = BrokerApi.TAG)
@SecurityRequirement(name = BrokerApi.SECURITY)
@RolesAllowed(BrokerApi.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class ServiceInstanceResource {

    private static final String INSTANCE_ID = "The platform's id of the instance (for the marketplace: the subscription id)";
    private static final String ACCEPTS_INCOMPLETE = "Must be true: this broker only works asynchronously";
    private static final String OPERATION = "3f0c8b2a-5e1d-4c7a-9b6e-1a2b3c4d5e6f";

    private final BrokerService broker;
    private final InstanceMapper mapper;

    public ServiceInstanceResource(BrokerService broker, InstanceMapper mapper) {
        this.broker = broker;
        this.mapper = mapper;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Provision a demo SaaS instance",
            description = "Starts provisioning asynchronously (202 with `dashboard_url` and `operation`). Repeating the"
                    + " request with the same body answers 202 with the same operation while it runs and 200 once the"
                    + " instance is provisioned; it never creates a second instance. A failed instance is provisioned"
                    + " again. Any service and plan id is accepted; a plan id ending in `-fails` makes the operation"
                    + " end `failed`." + BrokerApi.OWN_INSTANCES_NOTE + BrokerApi.ROLES_NOTE)
    @APIResponse(responseCode = "202", description = "Provisioning started or still running",
            content = @Content(schema = @Schema(implementation = ProvisionAnswer.class), examples = @ExampleObject(
                    name = "accepted", value = "{\"dashboard_url\":\"http://localhost:8090/dashboard/0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b\","
                    + "\"operation\":\"" + OPERATION + "\"}")))
    @APIResponse(responseCode = "200", description = "The instance is already provisioned with these attributes",
            content = @Content(schema = @Schema(implementation = ProvisionAnswer.class), examples = @ExampleObject(
                    name = "provisioned", value = "{\"dashboard_url\":\"http://localhost:8090/dashboard/0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b\"}")))
    @APIResponse(responseCode = "400", description = "Malformed body: service_id or plan_id missing, context or"
            + " parameters not an object (error `BadRequest`)",
            content = @Content(schema = @Schema(implementation = OsbError.class), examples = @ExampleObject(
                    name = "bad", value = "{\"error\":\"BadRequest\",\"description\":\"plan_id: must be a non-empty string of at most 255 characters\"}")))
    @APIResponse(responseCode = "409", description = "The instance exists with another service, plan, context or"
            + " parameters, or another provider's broker holds an instance with this id (error `Conflict`); nothing"
            + " changed",
            content = @Content(schema = @Schema(implementation = OsbError.class)))
    @APIResponse(responseCode = "422", description = "accepts_incomplete=true missing (error `AsyncRequired`), or the"
            + " instance is being updated or deprovisioned (error `ConcurrencyError`)",
            content = @Content(schema = @Schema(implementation = OsbError.class), examples = @ExampleObject(
                    name = "asyncRequired", value = "{\"error\":\"AsyncRequired\",\"description\":\"This broker provisions and"
                    + " deprovisions asynchronously; send accepts_incomplete=true\"}")))
    public Response provision(@PathParam(BrokerApi.PROVIDER_ID) String providerId,
                              @PathParam("instance_id") @Parameter(description = INSTANCE_ID) String instanceId,
                              @QueryParam("accepts_incomplete") @Parameter(description = ACCEPTS_INCOMPLETE)
                              boolean acceptsIncomplete,
                              ProvisionBody body) {
        InstanceId id = new InstanceId(instanceId);
        OperationOutcome outcome = broker.provision(providerId, id, mapper.toRequest(body), acceptsIncomplete);
        if (outcome instanceof OperationOutcome.InProgress running) {
            return Response.accepted(new ProvisionAnswer(mapper.dashboardUrl(id), running.operation().toString()))
                    .build();
        }
        return Response.ok(new ProvisionAnswer(mapper.dashboardUrl(id), null)).build();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update an instance: plan, parameters, context",
            description = "Changes the plan (`plan_id`), the whole configuration (`parameters`) and the context; what"
                    + " the request leaves out stays. The context's `suspended` (an extension of this marketplace's OSB"
                    + " profile) locks (`true`) or unlocks (`false`) the instance: a locked instance's dashboard answers"
                    + " 423. An update that changes something runs asynchronously (202 with `operation`, then"
                    + " `last_operation`); until it has succeeded the instance keeps its plan, parameters and"
                    + " suspension, and a failed update keeps them for good (`last_operation` says `failed`, with"
                    + " `instance_usable`). An update that changes nothing answers 200 `{}` at once, unless the instance"
                    + " is unusable, which any update repairs. Repeating the update that runs answers 202 with its"
                    + " operation. A plan id ending in `-fails` makes the update fail; the behaviour's"
                    + " `failing_updates` (`/admin/behaviour`) makes every update, or those of one service, fail."
                    + BrokerApi.OWN_INSTANCES_NOTE + BrokerApi.ROLES_NOTE)
    @APIResponse(responseCode = "202", description = "The update started or is still running",
            content = @Content(schema = @Schema(implementation = OperationAnswer.class), examples = @ExampleObject(
                    name = "accepted", value = "{\"operation\":\"" + OPERATION + "\"}")))
    @APIResponse(responseCode = "200", description = "Nothing to change: the instance already is as asked; body `{}`",
            content = @Content(schema = @Schema(implementation = OperationAnswer.class), examples = @ExampleObject(
                    name = "unchanged", value = "{}")))
    @APIResponse(responseCode = "400", description = "Malformed body: service_id missing or not the instance's"
            + " service, plan_id empty, context or parameters not an object, context.suspended not a boolean (error"
            + " `BadRequest`)",
            content = @Content(schema = @Schema(implementation = OsbError.class), examples = @ExampleObject(
                    name = "bad", value = "{\"error\":\"BadRequest\",\"description\":\"context.suspended: must be true or false\"}")))
    @APIResponse(responseCode = "404", description = "No such instance at this broker, it is deleted, or its"
            + " provisioning failed (error `NotFound`)",
            content = @Content(schema = @Schema(implementation = OsbError.class), examples = @ExampleObject(
                    name = "unknown", value = "{\"error\":\"NotFound\",\"description\":\"Instance"
                    + " 0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b does not exist\"}")))
    @APIResponse(responseCode = "422", description = "accepts_incomplete=true missing for an update that changes"
            + " something (error `AsyncRequired`), or the instance is being provisioned, deprovisioned or updated"
            + " otherwise (error `ConcurrencyError`); nothing changed",
            content = @Content(schema = @Schema(implementation = OsbError.class), examples = @ExampleObject(
                    name = "concurrency", value = "{\"error\":\"ConcurrencyError\",\"description\":\"Instance"
                    + " 0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b is being updated with other values; send this update"
                    + " again once that has finished\"}")))
    public Response update(@PathParam(BrokerApi.PROVIDER_ID) String providerId,
                           @PathParam("instance_id") @Parameter(description = INSTANCE_ID) String instanceId,
                           @QueryParam("accepts_incomplete") @Parameter(description = ACCEPTS_INCOMPLETE)
                           boolean acceptsIncomplete,
                           UpdateBody body) {
        OperationOutcome outcome = broker.update(providerId, new InstanceId(instanceId), mapper.toUpdate(body),
                acceptsIncomplete);
        if (outcome instanceof OperationOutcome.InProgress running) {
            return Response.accepted(new OperationAnswer(running.operation().toString())).build();
        }
        return Response.ok(new OperationAnswer(null)).build();
    }

    @GET
    @Path("/last_operation")
    @Operation(summary = "Poll the last operation of an instance",
            description = "State of the operation named by `operation` (or the instance's latest): `in progress` with"
                    + " a `Retry-After` header in seconds, `succeeded`, or `failed` with the reason in `description`;"
                    + " a failed update says `instance_usable` (false: the instance is UNUSABLE until another update"
                    + " succeeds). The hints `service_id` and `plan_id` are accepted and not needed."
                    + BrokerApi.OWN_INSTANCES_NOTE + BrokerApi.ROLES_NOTE)
    @APIResponse(responseCode = "200", description = "The state of the operation",
            content = @Content(schema = @Schema(implementation = LastOperationAnswer.class), examples = {
                    @ExampleObject(name = "running", value = "{\"state\":\"in progress\",\"description\":\"Setting up the demo SaaS instance\"}"),
                    @ExampleObject(name = "failed", value = "{\"state\":\"failed\",\"description\":\"The demo provider refused to set"
                            + " up this instance: plan 'standard-fails' ends in '-fails', which this provider always fails on purpose"
                            + " so that the failure path of a subscription can be tried.\"}"),
                    @ExampleObject(name = "updateFailed", value = "{\"state\":\"failed\",\"description\":\"The demo"
                            + " provider failed this update on purpose (fault injection); the instance keeps its plan and"
                            + " parameters but cannot be used until another update repairs it.\",\"instance_usable\":false}")}))
    @APIResponse(responseCode = "400", description = "`operation` is not an operation of this instance (error `BadRequest`)",
            content = @Content(schema = @Schema(implementation = OsbError.class)))
    @APIResponse(responseCode = "410", description = "This broker never had this instance; body `{}`",
            content = @Content(examples = @ExampleObject(name = "gone", value = "{}")))
    public Response lastOperation(@PathParam(BrokerApi.PROVIDER_ID) String providerId,
                                  @PathParam("instance_id") @Parameter(description = INSTANCE_ID) String instanceId,
                                  @QueryParam("operation") @Parameter(description = "The `operation` of a 202 answer")
                                  String operation) {
        LastOperation last = broker.lastOperation(providerId, new InstanceId(instanceId), operation);
        Response.ResponseBuilder response = Response.ok(mapper.toAnswer(last));
        last.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, seconds(wait)));
        return response.build();
    }

    @DELETE
    @Operation(summary = "Deprovision an instance",
            description = "Starts deprovisioning asynchronously (202 with `operation`); a provisioning or update still"
                    + " running is halted. Repeating it while it runs answers 202 with the same operation; once the instance is gone,"
                    + " 410." + BrokerApi.OWN_INSTANCES_NOTE + BrokerApi.ROLES_NOTE)
    @APIResponse(responseCode = "202", description = "Deprovisioning started or still running",
            content = @Content(schema = @Schema(implementation = OperationAnswer.class), examples = @ExampleObject(
                    name = "accepted", value = "{\"operation\":\"" + OPERATION + "\"}")))
    @APIResponse(responseCode = "400", description = "service_id or plan_id missing (error `BadRequest`)",
            content = @Content(schema = @Schema(implementation = OsbError.class)))
    @APIResponse(responseCode = "410", description = "No such instance at this broker, or already deprovisioned;"
            + " body `{}`",
            content = @Content(examples = @ExampleObject(name = "gone", value = "{}")))
    @APIResponse(responseCode = "422", description = "accepts_incomplete=true missing (error `AsyncRequired`)",
            content = @Content(schema = @Schema(implementation = OsbError.class)))
    public Response deprovision(@PathParam(BrokerApi.PROVIDER_ID) String providerId,
                                @PathParam("instance_id") @Parameter(description = INSTANCE_ID) String instanceId,
                                @QueryParam("accepts_incomplete") @Parameter(description = ACCEPTS_INCOMPLETE)
                                boolean acceptsIncomplete,
                                @QueryParam("service_id") @Parameter(description = "Required by OSB") String serviceId,
                                @QueryParam("plan_id") @Parameter(description = "Required by OSB") String planId) {
        UUID operation = broker.deprovision(providerId, new InstanceId(instanceId), acceptsIncomplete, serviceId,
                planId);
        return Response.accepted(new OperationAnswer(operation.toString())).build();
    }

    @GET
    @Operation(summary = "Fetch a provisioned instance",
            description = "Service, plan, dashboard and parameters of a provisioned instance, also of an unusable one,"
                    + " and whether the platform has locked it (`suspended`, an extension of this marketplace's OSB"
                    + " profile). The hints `service_id` and `plan_id` are accepted and not needed."
                    + BrokerApi.OWN_INSTANCES_NOTE + BrokerApi.ROLES_NOTE)
    @APIResponse(responseCode = "200", description = "The instance",
            content = @Content(schema = @Schema(implementation = FetchedInstance.class), examples = @ExampleObject(
                    name = "instance", value = "{\"service_id\":\"5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f\",\"plan_id\":"
                    + "\"standard\",\"dashboard_url\":\"http://localhost:8090/dashboard/0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b\","
                    + "\"parameters\":{\"postfach\":\"buergeramt@leipzig.de\"},\"suspended\":false}")))
    @APIResponse(responseCode = "404", description = "No such instance at this broker, it is deleted, still being"
            + " provisioned, or its provisioning failed (error `NotFound`)",
            content = @Content(schema = @Schema(implementation = OsbError.class)))
    @APIResponse(responseCode = "422", description = "The instance is being updated or deprovisioned (error"
            + " `ConcurrencyError`)",
            content = @Content(schema = @Schema(implementation = OsbError.class)))
    public FetchedInstance fetch(@PathParam(BrokerApi.PROVIDER_ID) String providerId,
                                 @PathParam("instance_id") @Parameter(description = INSTANCE_ID) String instanceId) {
        return mapper.toFetched(broker.fetch(providerId, new InstanceId(instanceId)));
    }

    /** Retry-After as OSB recommends it: a duration in whole seconds, rounded up. */
    private static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }
}
