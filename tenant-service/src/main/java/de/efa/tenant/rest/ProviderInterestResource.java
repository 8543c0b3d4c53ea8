package de.efa.tenant.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.Scopes;
import de.efa.platform.security.Caller;
import de.efa.tenant.mapping.DeclineRequest;
import de.efa.tenant.mapping.InterestView;
import de.efa.tenant.mapping.OfferRequest;
import de.efa.tenant.service.InterestService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/provider/interests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Provider inbox", description = "Interessenbekundungen in a provider's services, answered with an offer "
        + "or declined")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a provider, or an interest in another provider's service",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed("provider")
@RequestScoped
public class ProviderInterestResource {

    private final InterestService interests;
    private final Caller caller;
    private final ObjectMapper json;

    /** Request-scoped, so that {@code caller} is the one of this request. */
    public ProviderInterestResource(InterestService interests, Caller caller, ObjectMapper json) {
        this.interests = interests;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Operation(summary = "List the interests in the provider's services", description = "Role: `provider` (its own "
            + "services only, by `provider_id`). Oldest first; without `status` the open ones and how the others "
            + "ended.")
    @APIResponse(responseCode = "200", description = "One page of interests",
            content = @Content(schema = @Schema(implementation = Page.class, properties = @SchemaProperty(
                    name = "items", type = SchemaType.ARRAY, implementation = InterestView.class))))
    @APIResponse(responseCode = "400", description = "A status an interest cannot have, or a page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<InterestView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"INTEREST_DECLARED", "OFFERED",
                    "DECLINED", "WITHDRAWN", "EXPIRED"})) @QueryParam("status") String status,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return interests.inbox(caller, status, PageRequest.parse(page, size)).map(i -> InterestView.of(i, json));
    }

    @POST
    @Path("/{id}/offer")
    @Extension(name = Scopes.EXTENSION, value = Scopes.INTEREST, parseValue = true)
    @Operation(summary = "Answer an interest with an offer", description = """
            Role: `provider` (its own services only). INTEREST_DECLARED → OFFERED, under the plan's terms current \\
            now. The offered prices replace the plan's in the subscription's price; one left out keeps the plan's. \\
            The municipality (or its bundler) then concludes or withdraws.""")
    @APIResponse(responseCode = "200", description = "OFFERED",
            content = @Content(schema = @Schema(implementation = InterestView.class)))
    @APIResponse(responseCode = "400", description = "An unknown JSON field, or a value of the wrong type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such interest",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not INTEREST_DECLARED, or its plan is no longer in the catalog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "invalid-offer, with every invalid condition at once: no note, "
            + "a negative price, a start date that is malformed or before today (Europe/Berlin)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InterestView offer(@PathParam("id") UUID id, OfferRequest request) {
        return InterestView.of(interests.offer(caller, id, request), json);
    }

    @POST
    @Path("/{id}/decline")
    @Extension(name = Scopes.EXTENSION, value = Scopes.INTEREST, parseValue = true)
    @Operation(summary = "Decline an interest", description = "Role: `provider` (its own services only). "
            + "INTEREST_DECLARED → DECLINED, with the reason for the municipality.")
    @APIResponse(responseCode = "200", description = "DECLINED",
            content = @Content(schema = @Schema(implementation = InterestView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or an unknown JSON field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such interest",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not INTEREST_DECLARED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InterestView decline(@PathParam("id") UUID id, DeclineRequest request) {
        return InterestView.of(interests.decline(caller, id, request), json);
    }
}
