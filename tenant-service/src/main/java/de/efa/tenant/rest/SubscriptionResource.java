package de.efa.tenant.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.idempotency.Answer;
import de.efa.platform.idempotency.Idempotency;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.EntityTags;
import de.efa.platform.rest.IdempotentResponses;
import de.efa.platform.rest.Scopes;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import de.efa.tenant.mapping.AcceptedTerms;
import de.efa.tenant.mapping.ChangeRequest;
import de.efa.tenant.mapping.ConcludeRequest;
import de.efa.tenant.mapping.SubscribeRequest;
import de.efa.tenant.mapping.SubscriptionView;
import de.efa.tenant.service.SubscriptionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/tenants/{ags}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "A tenant's subscriptions to EfA services and their provisioning")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A provider token, a token without a role this operation allows, "
        + "a municipality acting for another AGS, a bundler without this municipality's mandate, or an operator "
        + "accepting terms",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RequestScoped
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final Idempotency idempotency;
    private final Caller caller;
    private final ObjectMapper json;

    /** Request-scoped, so that {@code caller} is the one of this request. */
    public SubscriptionResource(SubscriptionService subscriptions, Idempotency idempotency, Caller caller,
            ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.idempotency = idempotency;
        this.caller = caller;
        this.json = json;
    }

    /** What an Idempotency-Key is bound to besides the caller. */
    record Fingerprint(String operation, String ags, SubscribeRequest body) {
    }

    @POST
    @RolesAllowed({"municipality", "bundler", "operator"})
    @Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
    @Operation(summary = "Subscribe to a service plan, or declare interest in it", description = """
            Roles: `municipality` (only for itself), `bundler` (for a municipality that gave it a mandate) and \
            `operator` (on behalf of any ACTIVE tenant, but never accepting terms). Checked against the local copy \
            of the catalog, so it works while the catalog-service is down. `priceSnapshot.annualCents` = annual \
            base + population × per-inhabitant price. By the plan's contract model: `NONE` — the subscription is \
            REQUESTED and provisioning starts (202; the request waits in the outbox while Kafka is down); `TERMS` \
            — the same, with `acceptedTerms.version` equal to the plan's current terms, kept with who accepted \
            them; `INTEREST` — an Interessenbekundung (201, INTEREST_DECLARED) that the provider answers with an \
            offer; nothing is provisioned until it is concluded. A plan with a contract needs the tenant's \
            Leitweg-ID. Accepts an `Idempotency-Key`: the same key and body within 24 h give the first answer \
            again, marked `Idempotent-Replayed: true`, and create nothing.""")
    @APIResponse(responseCode = "201", description = "INTEREST_DECLARED (a plan with the contract model INTEREST); "
            + "`Location` names the subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "202", description = "REQUESTED; `Location` names the subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS, missing serviceId/planId, parameters not an "
            + "object, unknown JSON field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such tenant, or the service is not in the catalog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant is not ACTIVE; the service is not PUBLISHED or not "
            + "offered in the tenant's Land; the plan has a contract and the tenant no Leitweg-ID "
            + "(`leitweg-id-required`); or the tenant already has a live subscription to the service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB, or the request event would be "
            + "larger than Kafka takes (`event-too-large`); nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown plan, parameters that do not satisfy the plan's JSON "
            + "Schema or a value too long to be checked against its pattern (each violation names the field inside "
            + "`parameters`), terms not accepted or of another version "
            + "(`terms-not-accepted`, naming `acceptedTerms`), or an Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid parameters", value = """
                            {"type":"https://efa-marketplace.de/problems/invalid-parameters",
                             "title":"Parameters do not satisfy the plan","status":422,
                             "detail":"1 parameter(s) do not satisfy the plan's schema",
                             "instance":"/api/v1/tenants/14713000/subscriptions",
                             "violations":[{"field":"parameters.postfach","message":"required property 'postfach' not found"}]}""")))
    public Response subscribe(@Parameter(example = "14713000") @PathParam("ags") String ags,
            @Parameter(description = "Makes a retried subscription safe") @HeaderParam(IdempotentResponses.KEY)
            String key,
            SubscribeRequest request) {
        SubscribeRequest body = request == null ? new SubscribeRequest(null, null, null, null) : request;
        Answer answer = idempotency.once(caller, key, new Fingerprint("subscribe", ags, body), () -> {
            Subscription subscription = subscriptions.subscribe(caller, ags, body);
            return answer(subscription.status() == SubscriptionStatus.INTEREST_DECLARED ? 201 : 202, subscription);
        });
        return IdempotentResponses.of(answer);
    }

    @GET
    @RolesAllowed({"municipality", "bundler", "operator"})
    @Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
    @Operation(summary = "List a tenant's subscriptions", description = "Roles: `municipality` (only its own), "
            + "`bundler` (a municipality that gave it a mandate) and `operator`. Oldest first, each with its status "
            + "and history.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions",
            content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS or a page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<SubscriptionView> list(@PathParam("ags") String ags,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return subscriptions.list(caller, ags, PageRequest.parse(page, size)).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"municipality", "bundler", "operator"})
    @Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
    @Operation(summary = "Get a subscription", description = "Roles: `municipality` (only its own), `bundler` (a "
            + "municipality that gave it a mandate) and `operator`. With its status, contract, offer, instance (once "
            + "ACTIVE), failure reason, a change waiting for the provider, the latest failed change and the history, "
            + "each entry naming who acted. The `ETag` is the version a change names in `If-Match`.")
    @APIResponse(responseCode = "200", description = "The subscription",
            headers = @Header(name = "ETag", description = "The subscription's version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("ags") String ags, @PathParam("id") UUID id) {
        return versioned(200, subscriptions.get(caller, ags, id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({"municipality", "bundler", "operator"})
    @Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
    @Operation(summary = "Change a subscription's plan or configuration", description = """
            Roles: `municipality` (only its own), `bundler` (a municipality that gave it a mandate) and `operator` \
            (but never accepting terms). Needs `If-Match` with the subscription's `ETag`. The subscription must be \
            ACTIVE or UNUSABLE and its tenant ACTIVE. `planId` changes the plan: the current plan must be \
            `updatable`, the new one not reused by an Interessenbekundung (INTEREST), and one with TERMS needs \
            `acceptedTerms` with its current version and the tenant's Leitweg-ID; the new plan is priced as when \
            subscribing. `parameters` replaces the whole configuration; left out, the one in effect stays. Either \
            way the configuration must satisfy the (new) plan's schema. The change goes to the provider \
            asynchronously (202, UPDATE_REQUESTED); the plan, configuration and price in effect stay until it is \
            applied (ACTIVE with the new ones), or fails (`lastUpdateFailure` set; ACTIVE, or UNUSABLE when the \
            provider says the instance is no longer usable, or the status before the change when the provider was \
            not asked or did not answer). A request that changes nothing answers 200 and starts nothing; for an \
            UNUSABLE subscription it asks the provider to apply the configuration in effect again.""")
    @APIResponse(responseCode = "200", description = "Nothing to change: the subscription as it is",
            headers = @Header(name = "ETag", description = "The subscription's version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "202", description = "UPDATE_REQUESTED; the change is under `requestedUpdate`",
            headers = @Header(name = "ETag", description = "The subscription's new version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS, a blank `planId`, `parameters` not an object, "
            + "or an unknown JSON field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The subscription is neither ACTIVE nor UNUSABLE (for "
            + "instance a cancellation came first); the tenant is not ACTIVE; the current plan is not updatable; the "
            + "new plan needs an interest (INTEREST); the service is no longer PUBLISHED; the plan in effect left the "
            + "catalog; or the new plan has TERMS and the tenant no Leitweg-ID (`leitweg-id-required`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not updatable", value = """
                            {"type":"https://efa-marketplace.de/problems/conflict","title":"Conflict","status":409,
                             "detail":"Plan standard is not updatable: a subscription to it cannot change to another plan, only its configuration",
                             "instance":"/api/v1/tenants/14713000/subscriptions/0b9f6c1e-6b43-4a8e-9b8f-3f3d2f1b7a55"}""")))
    @APIResponse(responseCode = "412", description = "`If-Match` names another version than the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB, or the request event would be "
            + "larger than Kafka takes (`event-too-large`); nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown plan (`unknown-plan`), a configuration that does not "
            + "satisfy the plan's schema or has a value too long to be checked against its pattern "
            + "(`invalid-parameters`, each violation naming the field inside `parameters`), or terms of a TERMS plan "
            + "not accepted (`terms-not-accepted`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid parameters", value = """
                            {"type":"https://efa-marketplace.de/problems/invalid-parameters",
                             "title":"Parameters do not satisfy the plan","status":422,
                             "detail":"1 parameter(s) do not satisfy the plan's schema",
                             "instance":"/api/v1/tenants/14713000/subscriptions/0b9f6c1e-6b43-4a8e-9b8f-3f3d2f1b7a55",
                             "violations":[{"field":"parameters.telefon","message":"required property 'telefon' not found"}]}""")))
    @APIResponse(responseCode = "428", description = "No `If-Match`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@Parameter(example = "14713000") @PathParam("ags") String ags, @PathParam("id") UUID id,
            @Parameter(description = "The subscription's ETag", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            ChangeRequest request) {
        long expected = EntityTags.required(ifMatch);
        Subscription subscription = subscriptions.change(caller, ags, id, expected,
                request == null ? new ChangeRequest(null, null, null) : request);
        return versioned(subscription.status() == SubscriptionStatus.UPDATE_REQUESTED ? 202 : 200, subscription);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"municipality", "bundler", "operator"})
    @Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
    @Operation(summary = "Cancel a subscription, or withdraw an interest", description = """
            Roles: `municipality` (only its own), `bundler` (a municipality that gave it a mandate) and `operator`. \
            An interest or an offer (INTEREST_DECLARED, OFFERED) is WITHDRAWN at once (200). An ACTIVE, UNUSABLE or \
            SUSPENDED subscription becomes CANCELLATION_REQUESTED and deprovisioning starts asynchronously (202), \
            also while the tenant is suspended or after a failed resumption; so does a DEPROVISIONING one whose \
            deprovisioning failed (the cancellation asked for again: a new job). One with a request under way \
            (REQUESTED, PROVISIONING, UPDATE_REQUESTED, UPDATING, SUSPENDING, RESUMING, a DEPROVISIONING that has \
            not failed) answers 409 until that is over (FAILED needs no cancelling). With `If-Match`, only that \
            version of the subscription is ended (412 otherwise): what a person confirmed (an interest's \
            withdrawal) is not what happens to a subscription that moved on meanwhile (cancelling it).""")
    @APIResponse(responseCode = "200", description = "WITHDRAWN",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "202", description = "CANCELLATION_REQUESTED",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Neither ACTIVE, UNUSABLE, SUSPENDED nor an interest or offer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` names another version than the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("ags") String ags, @PathParam("id") UUID id,
            @Parameter(description = "The subscription's ETag, to end only that version of it", example = "\"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Subscription subscription = subscriptions.cancel(caller, ags, id, EntityTags.optional(ifMatch));
        return IdempotentResponses.of(answer(subscription.status() == SubscriptionStatus.WITHDRAWN ? 200 : 202,
                subscription));
    }

    @POST
    @Path("/{id}/conclude")
    @RolesAllowed({"municipality", "bundler", "operator"})
    @Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
    @Operation(summary = "Conclude the Nachnutzungsvertrag of an offer", description = """
            Roles: `municipality` (only its own) and `bundler` (a municipality that gave it a mandate); an \
            `operator` is refused (403), as concluding accepts terms in the municipality's name. The subscription \
            must be OFFERED and the tenant ACTIVE with a Leitweg-ID; `acceptedTerms.version` must be the version \
            of the terms the offer was made under. OFFERED → REQUESTED: the price is the offered one (a price the \
            offer left out is the plan's), and provisioning starts asynchronously.""")
    @APIResponse(responseCode = "202", description = "REQUESTED; provisioning has started",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS or an unknown JSON field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not OFFERED, the tenant not ACTIVE, no Leitweg-ID "
            + "(`leitweg-id-required`), the service no longer PUBLISHED or no longer offered in the tenant's Land, or "
            + "the plan no longer in the catalog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "`acceptedTerms` missing or of another version than the "
            + "offer's (`terms-not-accepted`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response conclude(@PathParam("ags") String ags, @PathParam("id") UUID id, ConcludeRequest request) {
        AcceptedTerms accepted = request == null ? null : request.acceptedTerms();
        return IdempotentResponses.of(answer(202, subscriptions.conclude(caller, ags, id, accepted)));
    }

    @POST
    @Path("/{id}/resubmit")
    @RolesAllowed("operator")
    @Operation(summary = "Resubmit a FAILED subscription", description = """
            Role: `operator`. FAILED → REQUESTED, and provisioning starts again asynchronously (hence 202). The \
            tenant must be ACTIVE and the service still PUBLISHED in its Land, and no other live subscription to the \
            service may exist.""")
    @APIResponse(responseCode = "202", description = "REQUESTED again",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of this tenant, or its service left the "
            + "catalog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not FAILED, tenant not ACTIVE, service not PUBLISHED in the "
            + "Land, or another live subscription to the service exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resubmit(@PathParam("ags") String ags, @PathParam("id") UUID id) {
        return IdempotentResponses.of(answer(202, subscriptions.resubmit(caller, ags, id)));
    }

    private Answer answer(int status, Subscription subscription) {
        return Answer.first(status, "/api/v1/tenants/" + subscription.ags() + "/subscriptions/" + subscription.id(),
                null, idempotency.body(view(subscription)));
    }

    /** The subscription with its version as ETag, for a change to name in If-Match. */
    private Response versioned(int status, Subscription subscription) {
        return Response.status(status).entity(view(subscription))
                .header(HttpHeaders.ETAG, EntityTags.of(subscription.version())).build();
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(subscription, json);
    }
}
