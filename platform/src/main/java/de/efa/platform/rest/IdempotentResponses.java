package de.efa.platform.rest;

import de.efa.platform.idempotency.Answer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** An {@link Answer} as an HTTP response; a replayed one says so in {@value #REPLAYED}. */
public final class IdempotentResponses {

    public static final String KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotentResponses() {
    }

    public static Response of(Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body());
        if (answer.location() != null) {
            response.location(URI.create(answer.location()));
        }
        if (answer.etag() != null) {
            response.header(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
