package de.efa.platform.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a request body that holds a NUL character with a 400 naming where, before anything reads it: valid JSON
 * may carry one ({@code "\u0000"}) and a CSV file too, but PostgreSQL stores none in text or jsonb, so such a body
 * would otherwise fail in the database, as a 500, wherever a field is stored without a check of its own. Only
 * request bodies are looked at: an event from Kafka is read elsewhere, and one that cannot be stored is parked.
 */
@Provider
public class NulFreeBodies implements ReaderInterceptor {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String NO_NUL = "must not contain the NUL character";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        boolean text = type != null && type.getType().equals("text");
        if (json || text) {
            byte[] body = context.getInputStream().readAllBytes();
            Optional<String> where = json ? nulInJson(body) : nulInText(body);
            if (where.isPresent()) {
                throw ProblemException.invalid(List.of(new Violation(where.get(), NO_NUL)));
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /** The field (a.b[0] for /a/b/0) whose name or text holds a NUL; a body that is no JSON is left to the reader. */
    private static Optional<String> nulInJson(byte[] body) {
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

    private static Optional<String> nulInText(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return Optional.of("body");
            }
        }
        return Optional.empty();
    }

    private static String field(String pointer) {
        String dotted = pointer.replaceFirst("^/", "").replace('/', '.').replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
        return dotted.isEmpty() ? "body" : dotted;
    }
}
