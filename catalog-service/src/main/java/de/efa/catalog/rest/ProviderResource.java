package de.efa.catalog.rest;

import de.efa.catalog.api.ProviderRequest;
import de.efa.catalog.api.ProviderView;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.domain.ProviderDefinition;
import de.efa.catalog.mapping.ProviderMapper;
import de.efa.catalog.mapping.ProviderMapper.Registration;
import de.efa.catalog.mapping.SearchMapper;
import de.efa.catalog.service.ProviderService;
import de.efa.platform.idempotency.Answer;
import de.efa.platform.idempotency.Idempotency;
import de.efa.platform.paging.Page;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.EntityTags;
import de.efa.platform.rest.IdempotentResponses;
import de.efa.platform.security.Caller;
import de.efa.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/providers")
@RequestScoped
@Tag(name = "Providers", description = "The registry of providers and their Open Service Brokers, kept by operators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProviderResource {

    private final ProviderService providers;
    private final Idempotency idempotency;
    private final ProviderMapper mapper;
    private final SearchMapper pages;
    private final Caller caller;

    public ProviderResource(ProviderService providers, Idempotency idempotency, ProviderMapper mapper,
                            SearchMapper pages, Caller caller) {
        this.providers = providers;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.pages = pages;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "List providers", description = "Anyone, with or without a token; a token that is sent "
            + "must be valid for this service. Ordered by id.")
    @APIResponse(responseCode = "200", description = "One page of providers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = Page.class, properties = @SchemaProperty(
                            name = "items", type = SchemaType.ARRAY, implementation = ProviderView.class)),
                    examples = @ExampleObject(name = "page", value = ApiDoc.PROVIDER_PAGE)))
    @APIResponse(responseCode = "400", description = "page or size is invalid",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiDoc.INVALID)))
    @APIResponse(responseCode = "401", description = "A token was sent that is not valid for this service",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    public Page<ProviderView> list(@Parameter(description = "Page from 0") @QueryParam("page") String page,
                                   @Parameter(description = "Page size 1..100, default 20") @QueryParam("size") String size) {
        return providers.list(pages.toPage(page, size)).map(mapper::toView);
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Read one provider", description = "Anyone, with or without a token; a token that is sent "
            + "must be valid for this service.")
    @APIResponse(responseCode = "200", description = "The provider; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "\"<version>\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderView.class),
                    examples = @ExampleObject(name = "provider", value = ApiDoc.PROVIDER)))
    @APIResponse(responseCode = "404", description = "No such provider",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "A token was sent that is not valid for this service",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    public Response get(@PathParam("id") String id) {
        return answer(Response.ok(), providers.get(id));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a provider",
            description = "Role operator. With an Idempotency-Key, the same key and body within 24 h answer the first "
                    + "answer again (header Idempotent-Replayed: true) and register nothing; the same key with another "
                    + "body is 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProviderRequest.class),
            examples = @ExampleObject(name = "AKDB", value = ApiDoc.PROVIDER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "/api/v1/providers/{id}"),
                    @Header(name = HttpHeaders.ETAG, description = "\"1\"")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderView.class),
                    examples = @ExampleObject(name = "provider", value = ApiDoc.PROVIDER)))
    @APIResponse(responseCode = "400", description = "The body is invalid; every invalid field is listed",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiDoc.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The id is taken",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ApiDoc.KEY_REUSED)))
    public Response register(
            @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1..200 characters")
            @HeaderParam(IdempotentResponses.KEY) String idempotencyKey,
            ProviderRequest request) {
        Registration registration = mapper.toRegistration(request);
        return IdempotentResponses.of(idempotency.once(caller, idempotencyKey, request, () -> {
            Provider provider = providers.register(registration.id(), registration.definition());
            return Answer.first(201, "/api/v1/providers/" + provider.id(), EntityTags.of(provider.version()),
                    idempotency.body(mapper.toView(provider)));
        }));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Replace a provider",
            description = "Role operator. Needs If-Match (428 without, 412 when stale). When brokerUrl changes, every "
                    + "service of the provider is published again (type de.efa.service.updated.v1, new version).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProviderRequest.class),
            examples = @ExampleObject(name = "AKDB", value = ApiDoc.PROVIDER_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced",
            headers = @Header(name = HttpHeaders.ETAG, description = "\"<new version>\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderView.class),
                    examples = @ExampleObject(name = "provider", value = ApiDoc.PROVIDER)))
    @APIResponse(responseCode = "400", description = "The body is invalid, or tries to change the id",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiDoc.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such provider",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") String id,
                            @Parameter(in = ParameterIn.HEADER, required = true, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
                            ProviderRequest request) {
        long expected = EntityTags.required(ifMatch);
        ProviderDefinition definition = mapper.toDefinition(id, request);
        return answer(Response.ok(), providers.replace(id, expected, definition));
    }

    private Response answer(Response.ResponseBuilder response, Provider provider) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(provider.version())).entity(mapper.toView(provider)).build();
    }
}
