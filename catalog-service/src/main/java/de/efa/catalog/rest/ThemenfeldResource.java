package de.efa.catalog.rest;

import de.efa.catalog.api.ThemenfeldView;
import de.efa.catalog.domain.Themenfeld;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/themenfelder")
@Tag(name = "Themenfelder", description = "The 14 OZG Themenfelder that services are filed under")
@Produces(MediaType.APPLICATION_JSON)
public class ThemenfeldResource {

    private static final List<ThemenfeldView> ALL = Arrays.stream(Themenfeld.values())
            .map(t -> new ThemenfeldView(t.code(), t.germanName()))
            .toList();

    @GET
    @PermitAll
    @Operation(summary = "List the OZG Themenfelder", description = "Anyone, with or without a token. Code and German name of each of the 14.")
    @APIResponse(responseCode = "200", description = "All 14 Themenfelder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ThemenfeldView.class),
                    examples = @ExampleObject(name = "themenfelder",
                            value = "[{\"code\":\"arbeit-ruhestand\",\"name\":\"Arbeit & Ruhestand\"},{\"code\":\"bauen-wohnen\",\"name\":\"Bauen & Wohnen\"}]")))
    public List<ThemenfeldView> list() {
        return ALL;
    }
}
