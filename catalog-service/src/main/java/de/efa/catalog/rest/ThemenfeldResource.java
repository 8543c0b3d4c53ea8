package de.efa.catalog.rest;

import de.efa.catalog.api.ThemenfeldView;
import de.efa.catalog.domain.Themenfeld;
import de.efa.platform.problem.Problem;
import de.efa.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
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
@RequestScoped
@Tag(name = "Themenfelder", description = "The 14 OZG Themenfelder that services are filed under")
@Produces(MediaType.APPLICATION_JSON)
public class ThemenfeldResource {

    private static final List<ThemenfeldView> ALL = Arrays.stream(Themenfeld.values())
            .map(t -> new ThemenfeldView(t.code(), t.germanName()))
            .toList();

    /**
     * The list is the same for everyone, so the caller is not kept; it is taken because taking it reads the token.
     * Authentication is not proactive and {@code @PermitAll} asks for no identity, so without it a token would go
     * unread: like {@code /services} and {@code /providers}, whose resources take the caller too, a token this
     * service does not take (forged, expired, for another audience) is answered 401, and no token at all is fine.
     */
    public ThemenfeldResource(Caller caller) {
    }

    @GET
    @PermitAll
    @Operation(summary = "List the OZG Themenfelder", description = "Anyone, with or without a token; a token that is sent must be "
            + "valid for this service. Code and German name of each of the 14.")
    @APIResponse(responseCode = "200", description = "All 14 Themenfelder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ThemenfeldView.class),
                    examples = @ExampleObject(name = "themenfelder",
                            value = "[{\"code\":\"arbeit-ruhestand\",\"name\":\"Arbeit & Ruhestand\"},{\"code\":\"bauen-wohnen\",\"name\":\"Bauen & Wohnen\"}]")))
    @APIResponse(responseCode = "401", description = "A token was sent that is not valid for this service",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
    public List<ThemenfeldView> list() {
        return ALL;
    }
}
