package de.efa.platform.support;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A resource of the tests that reads its body, as the services' creating POSTs do. Left out of the OpenAPI document,
 * which shows the platform's own operations.
 */
@Path("/api/v1/test/notes")
@PermitAll
public class NotesResource {

    @POST
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode take(JsonNode note) {
        return note;
    }
}
