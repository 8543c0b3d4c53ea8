package de.efa.platform.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a request body that holds a NUL character with a 400 naming where, before anything reads it: valid JSON
 * may carry one ({@code "\u0000"}) and a CSV file a NUL byte, but PostgreSQL stores none in text or jsonb, so such a
 * body would otherwise fail in the database, as a 500, wherever a field is stored without a check of its own. Every
 * body is looked at, whatever its declared type (the readers accept wildcards and any letter case), as UTF-8, which
 * every body of the services is. Only request bodies: an event from Kafka is read elsewhere, and one that cannot be
 * stored is parked.
 */
@Provider
public class NulFreeBodies implements ReaderInterceptor {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String NO_NUL = "must not contain the NUL character";
    private static final byte[] ESCAPED_NUL = "\\u0000".getBytes(StandardCharsets.US_ASCII);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        Optional<String> where = nulByte(body).or(() -> nulInJson(body));
        if (where.isPresent()) {
            throw ProblemException.invalid(List.of(new Violation(where.get(), NO_NUL)));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** The line ({@code line 3}) with a NUL byte, as the CSV endpoints name their lines. */
    private static Optional<String> nulByte(byte[] body) {
        int line = 1;
        for (byte b : body) {
            if (b == 0) {
                return Optional.of("line " + line);
            }
            if (b == '\n') {
                line++;
            }
        }
        return Optional.empty();
    }

    /** The field (a.b[0]) whose name or text holds an escaped NUL; a body that is no JSON is left to its reader. */
    private static Optional<String> nulInJson(byte[] body) {
        // JSON can only write a NUL as this escape: a body without it is not parsed twice.
        if (!contains(body, ESCAPED_NUL)) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                        && parser.getText().indexOf('\u0000') >= 0) {
                    return Optional.of(field(parser.getParsingContext().pathAsPointer().toString()));
                }
            }
            return Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int start = 0; start <= body.length - part.length; start++) {
            for (int i = 0; i < part.length; i++) {
                if (body[start + i] != part[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** {@code /a/0/b} as {@code a[0].b}; a NUL in a name is shown as U+FFFD rather than echoed. */
    private static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.substring(Math.min(1, pointer.length())).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~").replace('\u0000', '\uFFFD');
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
