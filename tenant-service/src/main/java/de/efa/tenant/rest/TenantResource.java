package de.efa.tenant.rest;

import de.efa.platform.idempotency.Answer;
import de.efa.platform.idempotency.Idempotency;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.EntityTags;
import de.efa.platform.rest.IdempotentResponses;
import de.efa.platform.rest.Scopes;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.mapping.ImportReport;
import de.efa.tenant.mapping.InvoiceAddress;
import de.efa.tenant.mapping.PopulationCsv;
import de.efa.tenant.mapping.PopulationReport;
import de.efa.tenant.mapping.TenantRegistration;
import de.efa.tenant.mapping.TenantView;
import de.efa.tenant.service.PopulationService;
import de.efa.tenant.service.TenantImportService;
import de.efa.tenant.service.TenantService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "Municipalities and Landkreise registered at the marketplace")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A provider token, a token without a role this operation allows, "
        + "or a municipality acting for another AGS",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RequestScoped
public class TenantResource {

    private static final String CSV = "text/csv";

    private final TenantService tenants;
    private final PopulationService population;
    private final TenantImportService imports;
    private final Idempotency idempotency;
    private final Caller caller;

    /** Request-scoped, so that {@code caller} is the one of this request. */
    public TenantResource(TenantService tenants, PopulationService population, TenantImportService imports,
            Idempotency idempotency, Caller caller) {
        this.tenants = tenants;
        this.population = population;
        this.imports = imports;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** What an Idempotency-Key is bound to besides the caller. */
    record Fingerprint(String operation, TenantRegistration body) {
    }

    /** The same for a file. */
    record FileFingerprint(String operation, String file) {
    }

    @POST
    @RolesAllowed({"municipality", "operator"})
    @Operation(summary = "Register a tenant", description = """
            Roles: `municipality` (only the AGS of its own token) and `operator` (any AGS). The tenant starts \
            PENDING until an operator approves it. The Land is derived from the AGS. `ars` and `leitwegId` are \
            optional and checked when given: the ARS must contain the AGS, the Leitweg-ID must carry its ISO 7064 \
            MOD 97-10 check digits (the violation names the expected ones). Accepts an `Idempotency-Key`: \
            the same key and body within 24 h give the first answer again, marked `Idempotent-Replayed: true`.""")
    @APIResponse(responseCode = "201", description = "Registered, PENDING; `Location` names the tenant",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS, unknown Land, a Landkreis AGS not ending in 000, "
            + "negative population, an ARS of another AGS, a Leitweg-ID with wrong check digits, a missing field or an "
            + "unknown JSON field; every violation is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = """
                            {"type":"https://efa-marketplace.de/problems/validation","title":"Invalid request",
                             "status":400,"detail":"2 fields are invalid","instance":"/api/v1/tenants",
                             "violations":[{"field":"ags","message":"must be 8 digits"},
                                           {"field":"population","message":"must be a number of inhabitants, from 0 to 100000000"}]}""")))
    @APIResponse(responseCode = "409", description = "A tenant with this AGS is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(
            @Parameter(description = "Makes a retried registration safe") @HeaderParam(IdempotentResponses.KEY)
            String key,
            TenantRegistration registration) {
        TenantRegistration body = registration == null
                ? new TenantRegistration(null, null, null, null, null, null, null) : registration;
        Answer answer = idempotency.once(caller, key, new Fingerprint("register", body), () -> {
            Tenant tenant = tenants.register(caller, body);
            return Answer.first(201, "/api/v1/tenants/" + tenant.ags(), EntityTags.of(tenant.version()),
                    idempotency.body(TenantView.of(tenant)));
        });
        return IdempotentResponses.of(answer);
    }

    @GET
    @RolesAllowed("operator")
    @Operation(summary = "List tenants", description = "Role: `operator`. In AGS order, optionally only one Land "
            + "(two-digit code) and/or one status.")
    @APIResponse(responseCode = "200", description = "One page of tenants",
            content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "Unknown Land code or status, or a page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<TenantView> list(
            @Parameter(description = "Land code", example = "14") @QueryParam("land") String land,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "ACTIVE", "SUSPENDED"}))
            @QueryParam("status") String status,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return tenants.list(land, status, PageRequest.parse(page, size)).map(TenantView::of);
    }

    @POST
    @Path("/population")
    @RolesAllowed("operator")
    @Consumes(CSV)
    @Operation(summary = "Take the population figures of a municipality directory", description = """
            Role: `operator`. A CSV file in the format of the municipality directory extract (`gemeinden.csv`): the \
            header `ags,name,land_code,population,source_year`, then one line per municipality, quoted where a name \
            has a comma, in UTF-8. Each registered tenant of the file gets its population; a live subscription whose \
            price has a per-inhabitant part is priced anew with the rates it was priced at (never the plan's \
            current ones; an offered price never changes), and its history says from which population to which. \
            AGS that no tenant has are listed, not registered. The file is taken whole or not at all: a malformed \
            one (another header, a line with another number of columns, a malformed AGS or one of another Land \
            than `land_code`, a population that is no whole number from 0 to 100,000,000, a missing name or year, \
            an AGS twice after a good line of it) changes nothing, and the answer names every bad line. The file is \
            read in the charset its Content-Type names, UTF-8 when it names none; one that is not in it is refused \
            whole, naming the first line that is not.""")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "gemeinden.csv", value = """
                    ags,name,land_code,population,source_year
                    14713000,"Leipzig, Stadt",14,628718,2024
                    05315000,"Köln, Stadt",05,1024621,2024
                    """)))
    @APIResponse(responseCode = "200", description = "Taken: how many tenants changed, and the AGS no tenant has",
            content = @Content(schema = @Schema(implementation = PopulationReport.class)))
    @APIResponse(responseCode = "400", description = "A malformed file (`malformed-csv`): each bad line is a "
            + "violation whose `field` is its line number in the file (the header is line 1); nothing was changed. "
            + "A NUL byte anywhere refuses the whole file (`validation`, its line named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad lines", value = """
                            {"type":"https://efa-marketplace.de/problems/malformed-csv","title":"Malformed CSV file",
                             "status":400,"detail":"2 problems in the file; nothing was changed",
                             "instance":"/api/v1/tenants/population",
                             "violations":[{"field":"line 3","message":"population '12.5' is not a whole number of 0 or more"},
                                           {"field":"line 7","message":"AGS 14713000 is on line 2 already"}]}""")))
    @APIResponse(responseCode = "415", description = "The body is not `text/csv`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PopulationReport refreshPopulation(@Context HttpHeaders headers, byte[] file) {
        return population.refresh(caller, PopulationCsv.text(file, charsetOf(headers)));
    }

    @POST
    @Path("/import")
    @RolesAllowed("operator")
    @Consumes(CSV)
    @Operation(summary = "Register the municipalities of a municipality directory", description = """
            Role: `operator`. A CSV file in the format of the municipality directory extract (`gemeinden.csv`): the \
            header `ags,name,land_code,population,source_year`, then one line per municipality, quoted where a name \
            has a comma, in UTF-8. Each AGS that is not a tenant yet is registered ACTIVE (the directory vouches for \
            it, no approval follows) with the file's name and population, the Land of its AGS, kind `STADT` when \
            the name ends in `, Stadt` and `GEMEINDE` otherwise, and no contact e-mail. An AGS that is a tenant \
            already counts as `existing` and is left as it is, so importing a file again registers nothing. A bad \
            line (a malformed AGS or one of another Land than `land_code`, a blank name, a population that is no \
            whole number from 0 to 100,000,000, a year that is none, another number of columns, an AGS twice after \
            a good line of it) is listed with its number and reasons, and the good lines are imported all the \
            same. The file is read in the charset its Content-Type names, UTF-8 when it names none; one that is \
            not in it is refused whole (400), naming the first line that is not. Accepts an \
            `Idempotency-Key`: the same key and file within 24 h give the first answer again, marked \
            `Idempotent-Replayed: true`.""")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "gemeinden.csv", value = """
                    ags,name,land_code,population,source_year
                    14713000,"Leipzig, Stadt",14,628718,2024
                    14729010,"Bad Lausick, Stadt",14,8113,2024
                    """)))
    @APIResponse(responseCode = "200", description = "Imported: how many tenants were registered, how many were "
            + "there already, and the lines that were not imported",
            content = @Content(schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "one bad line", value = """
                            {"created":10750,"existing":0,
                             "rejected":[{"line":7,"reason":"ags '1234' must be 8 digits"}]}""")))
    @APIResponse(responseCode = "400", description = "No municipality directory (`malformed-csv`): another header, "
            + "an empty file, or text that is not CSV (a quote left open); nothing was registered. Also a malformed "
            + "`Idempotency-Key`, or a NUL byte anywhere in the file, which refuses it whole (`validation`, the line "
            + "named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong header", value = """
                            {"type":"https://efa-marketplace.de/problems/malformed-csv","title":"Malformed CSV file",
                             "status":400,"detail":"1 problem in the file; nothing was changed",
                             "instance":"/api/v1/tenants/import",
                             "violations":[{"field":"line 1","message":"must be the header ags,name,land_code,population,source_year, not ags;name"}]}""")))
    @APIResponse(responseCode = "415", description = "The body is not `text/csv`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importDirectory(
            @Parameter(description = "Makes a retried import safe") @HeaderParam(IdempotentResponses.KEY) String key,
            @Context HttpHeaders headers, byte[] file) {
        String csv = PopulationCsv.text(file, charsetOf(headers));
        Answer answer = idempotency.once(caller, key, new FileFingerprint("import", csv), () ->
                Answer.first(200, null, null, idempotency.body(imports.importDirectory(caller, csv))));
        return IdempotentResponses.of(answer);
    }

    @GET
    @Path("/{ags}")
    @Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
    @RolesAllowed({"municipality", "operator"})
    @Operation(summary = "Get a tenant", description = "Roles: `municipality` (only its own AGS) and `operator`. "
            + "The `ETag` is the version an update of the invoice address names in `If-Match`.")
    @APIResponse(responseCode = "200", description = "The tenant",
            headers = @Header(name = "ETag", description = "The tenant's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No tenant with this AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = "14713000") @PathParam("ags") String ags) {
        return versioned(tenants.get(caller, ags));
    }

    @PUT
    @Path("/{ags}/invoice-address")
    @Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
    @RolesAllowed({"municipality", "operator"})
    @Operation(summary = "Set a tenant's invoice address", description = """
            Roles: `municipality` (only its own AGS) and `operator`. Replaces the ARS and the Leitweg-ID (XRechnung) \
            as a whole: a field left out is cleared. Needs `If-Match` with the tenant's `ETag`. A plan with a \
            contract can only be subscribed to (and concluded) by a tenant with a Leitweg-ID.""")
    @APIResponse(responseCode = "200", description = "The tenant with its new invoice address and `ETag`",
            headers = @Header(name = "ETag", description = "The tenant's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "An ARS of another AGS, a Leitweg-ID with wrong check digits "
            + "(the violation names the expected ones), a malformed AGS or an unknown JSON field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong check digits", value = """
                            {"type":"https://efa-marketplace.de/problems/validation","title":"Invalid request",
                             "status":400,"detail":"1 field is invalid",
                             "instance":"/api/v1/tenants/14713000/invoice-address",
                             "violations":[{"field":"leitwegId","message":"has the check digits 07, but ISO 7064 MOD 97-10 gives 06 for 040110001234512345"}]}""")))
    @APIResponse(responseCode = "404", description = "No tenant with this AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` names another version than the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No `If-Match`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeInvoiceAddress(@Parameter(example = "14713000") @PathParam("ags") String ags,
            @Parameter(description = "The tenant's ETag", example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            InvoiceAddress address) {
        long expected = EntityTags.required(ifMatch);
        return versioned(tenants.changeInvoiceAddress(caller, ags, expected,
                address == null ? new InvoiceAddress(null, null) : address));
    }

    @POST
    @Path("/{ags}/approve")
    @RolesAllowed("operator")
    @Operation(summary = "Approve a tenant", description = "Role: `operator`. PENDING → ACTIVE.")
    @APIResponse(responseCode = "200", description = "The tenant, ACTIVE",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No tenant with this AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant is not PENDING",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TenantView approve(@PathParam("ags") String ags) {
        return TenantView.of(tenants.approve(ags));
    }

    @POST
    @Path("/{ags}/suspend")
    @RolesAllowed("operator")
    @Operation(summary = "Suspend a tenant", description = """
            Role: `operator`. ACTIVE → SUSPENDED. Each ACTIVE or UNUSABLE subscription (and one being resumed) goes \
            SUSPENDING, and the provider is asked to lock its instance; one still being provisioned or changed is \
            suspended as soon as it is ACTIVE. A suspended tenant cannot subscribe, change a subscription or \
            conclude an offer; its interests stay, and its subscriptions can be read and cancelled.""")
    @APIResponse(responseCode = "200", description = "The tenant, SUSPENDED",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No tenant with this AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant is not ACTIVE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TenantView suspend(@PathParam("ags") String ags) {
        return TenantView.of(tenants.suspend(caller, ags));
    }

    private static Response versioned(Tenant tenant) {
        return Response.ok(TenantView.of(tenant)).tag(new EntityTag(String.valueOf(tenant.version()))).build();
    }

    @POST
    @Path("/{ags}/reactivate")
    @RolesAllowed("operator")
    @Operation(summary = "Reactivate a tenant", description = "Role: `operator`. SUSPENDED → ACTIVE. Each "
            + "SUSPENDED or SUSPENDING subscription goes RESUMING, and the provider is asked to unlock its instance "
            + "(after a locking that has not finished).")
    @APIResponse(responseCode = "200", description = "The tenant, ACTIVE",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No tenant with this AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant is not SUSPENDED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TenantView reactivate(@PathParam("ags") String ags) {
        return TenantView.of(tenants.reactivate(caller, ags));
    }

    /** The charset the file was declared in, if any: a spreadsheet may send its own, and it names it. */
    private static Optional<String> charsetOf(HttpHeaders headers) {
        return Optional.ofNullable(headers.getMediaType())
                .map(type -> type.getParameters().get(MediaType.CHARSET_PARAMETER));
    }
}
