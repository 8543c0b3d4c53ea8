package de.efa.bench.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated bad request, and in a few words what is wrong with it; {@code operation} is the documented path
 * template it was made from, to group what the services answer.
 */
public record FuzzRequest(String operation, String method, String path, String contentType, byte[] body,
                          Map<String, String> headers, String flaw) {

    /** The request as a line of the report, the body cut short. */
    public String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String shortBody = text.length() > 160 ? text.substring(0, 160) + "… (" + body.length + " bytes)" : text;
        String shortPath = path.length() > 160 ? path.substring(0, 160) + "…" : path;
        return method + " " + shortPath + (contentType == null ? "" : " [" + contentType + "]")
                + (headers.isEmpty() ? "" : " " + headers) + (text.isEmpty() ? "" : " body " + shortBody)
                + " — " + flaw;
    }
}
