package de.efa.platform.rest;

import de.efa.platform.audit.AuditCsv;
import de.efa.platform.audit.AuditEntry;
import de.efa.platform.audit.AuditSearch;
import de.efa.platform.paging.Page;
import de.efa.platform.problem.Problem;
import de.efa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** The audit trail of this service, for operators: who changed what, when, and with what outcome. */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who changed what in this service, when, and with what outcome")
@RolesAllowed(Roles.OPERATOR)
public class AuditResource {

    private static final MediaType CSV = MediaType.valueOf(AuditCsv.MEDIA_TYPE);

    private static final String ENTRY = """
            {"id":"0f5a3c2e-6b1d-4e8f-9a7c-2d4b6e8f0a1c","at":"2026-11-26T10:15:30.123456Z",
             "actor":"7c9e6679-7425-40de-944b-e07fc1f90ae7","actorRole":"bundler","onBehalfOf":"tenant:14729010",
             "action":"subscription.create","target":"subscription:3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
             "outcome":"REQUESTED","details":{"planId":"standard"}}""";
    private static final String PAGE = "{\"items\":[" + ENTRY + "],\"page\":0,\"size\":20,\"total\":1}";
    private static final String CSV_EXAMPLE = """
            id,at,actor,actorRole,onBehalfOf,action,target,outcome,details\r
            0f5a3c2e-6b1d-4e8f-9a7c-2d4b6e8f0a1c,2026-11-26T10:15:30.123456Z,7c9e6679-7425-40de-944b-e07fc1f90ae7,\
            bundler,tenant:14729010,subscription.create,subscription:3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d,REQUESTED,\
            "{""planId"":""standard""}"\r
            """;
    private static final String INVALID = """
            {"type":"https://efa-marketplace.de/problems/validation","title":"Invalid request","status":400,
             "detail":"1 field is invalid","instance":"/api/v1/audit",
             "violations":[{"field":"from","message":"must not be after to"}]}""";

    private final AuditSearch search;

    public AuditResource(AuditSearch search) {
        this.search = search;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, AuditCsv.MEDIA_TYPE})
    @Operation(operationId = "listAudit", summary = "Read the audit trail",
            description = "Role: `operator`. Every change made in this service, one entry per changed resource, "
                    + "newest first (by time, then id). As JSON one page (`page`, `size`); with `Accept: text/csv` "
                    + "every matching entry as CSV with a header row (`page` and `size` do not apply; at most 100,000 "
                    + "entries, else 400: narrow `from` and `to`).")
    @APIResponse(responseCode = "200", description = "The matching entries", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = AuditEntry.class)),
                    examples = @ExampleObject(name = "page", value = PAGE)),
            @Content(mediaType = AuditCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "from or to is no time or one outside the years 1 to 9999, "
            + "from is after to, actor or target has a control character, target is no type or type:id, page or "
            + "size is out of range, or too many entries match for one CSV answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Entries at or after this ISO-8601 time", example = "2026-11-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Entries before this ISO-8601 time", example = "2026-12-01T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "Who acted: a token's subject, or the name of a part of the system",
                    example = "service-account-provider-akdb")
            @QueryParam("actor") String actor,
            @Parameter(description = "What was changed: type:id, or a type for every resource of it",
                    example = "service:5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10")
            @QueryParam("target") String target,
            @Parameter(description = "Page from 0 (JSON only)") @QueryParam("page") String page,
            @Parameter(description = "Page size 1..100, default 20 (JSON only)") @QueryParam("size") String size,
            @Context HttpHeaders headers) {
        if (!wantsCsv(headers)) {
            return Response.ok(search.page(from, to, actor, target, page, size), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        AuditSearch.Export export = search.export(from, to, actor, target);
        StreamingOutput csv = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            export.writeCsv(writer);
            writer.flush();
        };
        return Response.ok(csv, CSV.withCharset(StandardCharsets.UTF_8.name())).build();
    }

    /** CSV when the caller prefers it to JSON; a caller that takes anything gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }
}
