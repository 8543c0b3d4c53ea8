package de.efa.demoprovider.rest.error;

import de.efa.demoprovider.domain.Violation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One error, answered in the format of the endpoint that failed: the OSB error body under a provider's broker path
 * {@code /brokers/{providerId}/v2} (what broker clients parse), an RFC 9457 problem everywhere else (what EfA clients
 * parse).
 *
 * @param error OSB error code in camel case; {@code null} for OSB's 410, whose body is {@code {}}
 */
public record ErrorAnswer(int status, String error, String description, List<Violation> violations) {

    private static final Pattern BROKER_PATH = Pattern.compile("/?brokers/[^/]+/v2/");
    private static final String PROBLEM_TYPES = "https://efa-marketplace.de/problems/";

    public ErrorAnswer(int status, String error, String description) {
        this(status, error, description, List.of());
    }

    public static boolean isBrokerPath(String path) {
        return BROKER_PATH.matcher(path).lookingAt();
    }

    public Response toResponse(UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        Response.ResponseBuilder response = Response.status(status);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (isBrokerPath(uri.getPath())) {
            return response.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(error == null ? Map.of() : new OsbError(error, description))
                    .build();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        // JAX-RS names only the common statuses; the others (423 Locked) are titled after their error code.
        String title = known != null ? known.getReasonPhrase() : words(error);
        return response.type(Problem.MEDIA_TYPE)
                .entity(new Problem(URI.create(PROBLEM_TYPES + slug(error)), title, status, description, path, violations))
                .build();
    }

    /** {@code ConcurrencyError} → {@code Concurrency Error}. */
    private static String words(String error) {
        return error == null ? "Error" : error.replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    /** {@code ConcurrencyError} → {@code concurrency-error}. */
    private static String slug(String error) {
        return error == null ? "gone" : error.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
