package de.efa.tenant.rest;

import de.efa.tenant.service.IdempotencyService.Answer;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Turns an answer whose body is already JSON (so that a repeated idempotent request gets it again) into HTTP. */
final class ApiResponses {

    private ApiResponses() {
    }

    static Response of(Answer answer) {
        return Response.status(answer.status())
                .location(URI.create(answer.location()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body())
                .build();
    }
}
