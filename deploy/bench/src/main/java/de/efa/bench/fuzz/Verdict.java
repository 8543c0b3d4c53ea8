package de.efa.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.bench.client.Answer;

/**
 * Whether an answer to a bad request is acceptable (docs/http.md, deploy/bench/README.md): never a 5xx, and every
 * 4xx an RFC 9457 problem with type, title, status and detail; under the demo provider's Open Service Broker paths
 * ({@code /brokers/{provider_id}/v2/}) an OSB error object instead, as broker clients expect.
 */
public final class Verdict {

    private Verdict() {
    }

    /** Null when the answer is fine; otherwise what is wrong with it. */
    public static String judge(Answer answer, boolean brokerPath) {
        if (answer.status() >= 500) {
            return "server error " + answer.status();
        }
        if (answer.status() < 400) {
            return null;
        }
        return brokerPath ? osbError(answer) : problem(answer);
    }

    private static String problem(Answer answer) {
        if (!answer.mediaType().equals("application/problem+json")) {
            return answer.status() + " as " + (answer.mediaType().isEmpty() ? "no content type" : answer.mediaType())
                    + ", not application/problem+json";
        }
        JsonNode body = answer.json();
        for (String field : new String[]{"type", "title", "detail"}) {
            if (!body.path(field).isTextual() || body.path(field).asText().isBlank()) {
                return answer.status() + " problem without " + field;
            }
        }
        if (body.path("status").asInt(-1) != answer.status()) {
            return answer.status() + " problem whose status is " + body.path("status");
        }
        return null;
    }

    /** OSB v2.17: errors are a JSON object with a description; a 410 answer is {@code {}}. */
    private static String osbError(Answer answer) {
        JsonNode body = answer.json();
        if (!answer.mediaType().equals("application/json") || !body.isObject()) {
            return answer.status() + " under /v2 without an OSB error object (" + answer.mediaType() + ")";
        }
        if (answer.status() != 410 && !body.path("description").isTextual()) {
            return answer.status() + " OSB error without description";
        }
        return null;
    }
}
