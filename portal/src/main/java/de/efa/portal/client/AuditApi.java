package de.efa.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit trail, which every service answers at the same path, for operators: a page of entries newest first, or
 * every matching entry as CSV. One client per service, built by {@link AuditTrails}; a filter left null filters
 * nothing, and {@code from} (inclusive) and {@code to} (exclusive) are ISO-8601 times.
 */
@Path("/api/v1/audit")
public interface AuditApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Page<AuditEntry> entries(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("actor") String actor, @QueryParam("target") String target,
                             @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Produces("text/csv")
    String csv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
               @QueryParam("target") String target);
}
