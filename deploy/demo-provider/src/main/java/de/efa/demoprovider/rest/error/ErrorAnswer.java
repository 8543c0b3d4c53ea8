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

    /**
     * Whether the request is to a provider's broker. The raw path is read: decoded, a provider id such as
     * {@code ..%2Fetc} would hold a slash, and the broker's own errors would no longer be OSB errors.
     */
    public static boolean isBrokerPath(UriInfo uri) {
        return isBrokerPath(uri.getRequestUri().getRawPath());
    }

    /** As {@link #isBrokerPath(UriInfo)}, for a raw (still encoded) path. */
    public static boolean isBrokerPath(String rawPath) {
        return BROKER_PATH.matcher(rawPath).lookingAt();
    }

    /** The body of this answer at a path: an OSB error under a broker's path, a problem elsewhere. */
    public Object body(String rawPath) {
        if (isBrokerPath(rawPath)) {
            return error == null ? Map.of() : new OsbError(error, description);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        // JAX-RS names only the common statuses; the others (423 Locked) are titled after their error code.
        String title = known != null ? known.getReasonPhrase() : words(error);
        return new Problem(URI.create(PROBLEM_TYPES + slug(error)), title, status, description, rawPath, violations);
    }

    /** The content type of {@link #body(String)} at a path. */
    public static String mediaType(String rawPath) {
        return isBrokerPath(rawPath) ? MediaType.APPLICATION_JSON : Problem.MEDIA_TYPE;
    }

    public Response toResponse(UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        Response.ResponseBuilder response = Response.status(status);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.type(mediaType(path)).entity(body(path)).build();
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
