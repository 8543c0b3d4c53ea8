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

    /** Whether the request is to a provider's broker; see {@link #isBrokerPath(String, String)}. */
    public static boolean isBrokerPath(UriInfo uri) {
        return isBrokerPath(uri.getPath(), uri.getRequestUri().getRawPath());
    }

    /**
     * Whether a request is to a provider's broker, by the path it was routed by (decoded, without dot segments) or the
     * path as sent: an encoded {@code v2} ({@code %76%32}) or a dot segment hides the pattern in the one, a provider
     * id with an encoded slash ({@code ..%2Fetc}) in the other. Either is enough, so that no spelling of a broker's
     * path escapes its checks or its error format.
     */
    public static boolean isBrokerPath(String routedPath, String rawPath) {
        return BROKER_PATH.matcher(routedPath).lookingAt() || BROKER_PATH.matcher(rawPath).lookingAt();
    }

    /** The body of this answer: an OSB error for a broker call, a problem about {@code rawPath} otherwise. */
    public Object body(boolean brokerCall, String rawPath) {
        if (brokerCall) {
            return error == null ? Map.of() : new OsbError(error, description);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        // JAX-RS names only the common statuses; the others (423 Locked) are titled after their error code.
        String title = known != null ? known.getReasonPhrase() : words(error);
        return new Problem(URI.create(PROBLEM_TYPES + slug(error)), title, status, description, rawPath, violations);
    }

    /** The content type of {@link #body(boolean, String)}. */
    public static String mediaType(boolean brokerCall) {
        return brokerCall ? MediaType.APPLICATION_JSON : Problem.MEDIA_TYPE;
    }

    public Response toResponse(UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        Response.ResponseBuilder response = Response.status(status);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        boolean brokerCall = isBrokerPath(uri);
        return response.type(mediaType(brokerCall)).entity(body(brokerCall, path)).build();
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
