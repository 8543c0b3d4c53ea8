package de.efa.catalog.rest;

import de.efa.catalog.api.ServiceRequest;
import de.efa.catalog.api.ServiceView;
import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.ServiceDefinition;
import de.efa.catalog.mapping.SearchMapper;
import de.efa.catalog.mapping.SearchMapper.Search;
import de.efa.catalog.mapping.ServiceJson;
import de.efa.catalog.mapping.ServiceMapper;
import de.efa.catalog.service.CatalogService;
import de.efa.catalog.service.PublicSearch;
import de.efa.platform.idempotency.Answer;
import de.efa.platform.idempotency.Idempotency;
import de.efa.platform.paging.Page;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.EntityTags;
import de.efa.platform.rest.IdempotentResponses;
import de.efa.platform.rest.Scopes;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/services")
@RequestScoped
@Tag(name = "Services", description = "EfA services with their plans: found by everyone, written by their providers")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    private static final String VISIBILITY = " Anonymous callers and municipalities see PUBLISHED services only; a "
            + "provider also sees its own services in every status; an operator sees all. A service the caller "
            + "may not see is answered 404, so that its existence does not leak.";

    private final CatalogService catalog;
    private final PublicSearch search;
    private final Idempotency idempotency;
    private final ServiceMapper mapper;
    private final SearchMapper searchMapper;
    private final Caller caller;
    private final ServiceAnswers answers;
    private final ServiceJson serviceJson;

    public ServiceResource(CatalogService catalog, PublicSearch search, Idempotency idempotency,
                           ServiceMapper mapper, SearchMapper searchMapper, Caller caller,
                           ServiceAnswers answers, ServiceJson serviceJson) {
        this.catalog = catalog;
        this.search = search;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.searchMapper = searchMapper;
        this.caller = caller;
        this.answers = answers;
        this.serviceJson = serviceJson;
    }

    @GET
    @PermitAll
    @Operation(summary = "Search the catalog",
            description = "Anyone, with or without a token; a token that is sent must be valid for this service. "
                    + "German full-text search over name, summary, description "
                    + "and keywords with stemming (\"Führerscheins\" finds \"Führerschein\"), or every word of three "
                    + "or more letters or digits as typed inside a longer word of the name, summary or keywords "
                    + "(\"Antrag\" finds \"Bauantrag\"; stop words need not be found), ranked below whole-word hits; "
                    + "what is neither letter nor digit separates words; combinable filters, "
                    + "sorted by relevance when q is given, else by name." + VISIBILITY + " Answers for callers who "
                    + "see PUBLISHED services only are cached for a few seconds (efa.search.cache-ttl, 10 s): a change "
                    + "shows at once on the replica that made it, on other replicas at most that late.")
    @APIResponse(responseCode = "200", description = "One page of services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = Page.class, properties = @SchemaProperty(
                            name = "items", type = SchemaType.ARRAY, implementation = ServiceView.class)),
                    examples = @ExampleObject(name = "page", value = ApiDoc.SERVICE_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (e.g. size=101, page=-1, an unknown Themenfeld)",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiDoc.INVALID)))
    @APIResponse(responseCode = "401", description = "A token was sent that is not valid for this service",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    public Response search(
            @Parameter(description = "German full text, e.g. Führerschein; words also inside compound words, e.g. "
                    + "Antrag for Bauantrag") @QueryParam("q") String q,
            @Parameter(description = "Themenfeld code", example = "mobilitaet-reisen") @QueryParam("themenfeld") String themenfeld,
            @Parameter(description = "Land code 01..16: services available there", example = "14") @QueryParam("land") String land,
            @Parameter(description = "LeiKa key (14 digits)", example = "99023001012000") @QueryParam("leika") String leika,
            @Parameter(description = "FIT_STORE, EFA_MARKTPLATZ, DIREKTVERTRAG, OPEN_SOURCE, KOMMUNALVERTRETER or VERWALTUNGSVEREINBARUNG") @QueryParam("reuseModel") String reuseModel,
            @Parameter(description = "Provider id", example = "akdb") @QueryParam("providerId") String providerId,
            @Parameter(description = "relevance (default with q), name (default without), newest") @QueryParam("sort") String sort,
            @Parameter(description = "Page from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size 1..100, default 20") @QueryParam("size") String size) {
        Search asked = searchMapper.toSearch(q, themenfeld, land, leika, reuseModel, providerId, sort, page, size);
        byte[] hits = serviceJson.page(search.search(caller, asked.criteria(), asked.page()));
        return Response.ok(hits, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Read one service", description = "Anyone, with or without a token; a token that is sent must "
            + "be valid for this service. See the visibility rules." + VISIBILITY)
    @APIResponse(responseCode = "200", description = "The service; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "\"<version>\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class),
                    examples = @ExampleObject(name = "service", value = ApiDoc.SERVICE)))
    @APIResponse(responseCode = "404", description = "No such service, or not visible to the caller",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ApiDoc.NOT_FOUND)))
    @APIResponse(responseCode = "401", description = "A token was sent that is not valid for this service",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    public Response get(@PathParam("id") String id) {
        return answers.ok(catalog.get(caller, ServiceAnswers.id(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Create a service",
            description = "Role provider. Creates a DRAFT owned by the provider named in the token's provider_id "
                    + "claim. With an Idempotency-Key, the same key and body within 24 h answer the first answer "
                    + "again (header Idempotent-Replayed: true) and create nothing; the same key with another body is 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceRequest.class),
            examples = @ExampleObject(name = "Führerschein", value = ApiDoc.SERVICE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "/api/v1/services/{id}"),
                    @Header(name = HttpHeaders.ETAG, description = "\"1\"")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class),
                    examples = @ExampleObject(name = "service", value = ApiDoc.SERVICE)))
    @APIResponse(responseCode = "400", description = "The body is invalid; every invalid field is listed",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiDoc.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "Not a provider, or the provider is not registered",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ApiDoc.FORBIDDEN)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = ApiDoc.CONFLICT)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ApiDoc.KEY_REUSED)))
    public Response create(
            @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1..200 characters")
            @HeaderParam(IdempotentResponses.KEY) String idempotencyKey,
            ServiceRequest request) {
        ServiceDefinition definition = mapper.toDefinition(request);
        return IdempotentResponses.of(idempotency.once(caller, idempotencyKey, request, () -> created(definition)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVIDER)
    @Extension(name = Scopes.EXTENSION, value = Scopes.SERVICE, parseValue = true)
    @Operation(summary = "Replace a service",
            description = "Role provider, and only the provider that owns the service (another provider, an operator "
                    + "and municipalities get 403, or 404 for a DRAFT, whatever If-Match and body say). Replaces a "
                    + "DRAFT or PUBLISHED service as a whole; DEPRECATED and RETIRED ones are 409, and so is a "
                    + "PUBLISHED one without plans. Needs If-Match with the ETag read before: 428 without, 412 when "
                    + "the service changed meanwhile.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ServiceRequest.class),
            examples = @ExampleObject(name = "Führerschein", value = ApiDoc.SERVICE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced; the version went up",
            headers = @Header(name = HttpHeaders.ETAG, description = "\"<new version>\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class),
                    examples = @ExampleObject(name = "service", value = ApiDoc.SERVICE)))
    @APIResponse(responseCode = "400", description = "The body is invalid; every invalid field is listed",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiDoc.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "Not the owning provider",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ApiDoc.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such service, or not visible to the caller",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ApiDoc.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "DEPRECATED or RETIRED, PUBLISHED without plans, or the slug is taken",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = ApiDoc.CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDoc.STALE)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "if-match required", value = ApiDoc.IF_MATCH_REQUIRED)))
    public Response replace(@PathParam("id") String id,
                            @Parameter(in = ParameterIn.HEADER, required = true, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
                            ServiceRequest request) {
        return answers.ok(catalog.replace(caller, ServiceAnswers.id(id), () -> EntityTags.required(ifMatch),
                () -> mapper.toDefinition(request)));
    }

    private Answer created(ServiceDefinition definition) {
        EfaService service = catalog.create(caller, definition);
        return Answer.first(201, "/api/v1/services/" + service.id(), EntityTags.of(service.version()),
                idempotency.body(mapper.toView(service)));
    }
}
