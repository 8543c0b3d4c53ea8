package de.efa.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/** An HTTP answer as the benchmarks judge it: status, media type, body, and the ETag where one came. */
public record Answer(int status, String contentType, String body, String etag) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Answer(int status, String contentType, String body) {
        this(status, contentType, body, null);
    }

    /** The body as JSON; a missing node when it is not JSON. */
    public JsonNode json() {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** The media type without parameters, lower-case; empty without a Content-Type. */
    public String mediaType() {
        return Optional.ofNullable(contentType).map(type -> type.split(";")[0].trim().toLowerCase()).orElse("");
    }

    /** Fails with the answer in the message unless the status is one of {@code expected}. */
    public Answer expect(String what, int... expected) {
        for (int status : expected) {
            if (this.status == status) {
                return this;
            }
        }
        throw new IllegalStateException(what + " answered " + status + ": " + abbreviated());
    }

    public String abbreviated() {
        return body.length() > 300 ? body.substring(0, 300) + " …" : body;
    }
}
