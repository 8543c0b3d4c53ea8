package de.efa.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.problem.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;

/**
 * The request limits of every service, answered as problems before anything reads the request: a URI over
 * {@code efa.http.max-uri-bytes} is 414, headers over {@code efa.http.max-header-bytes} 431, a body over
 * {@code efa.http.max-body-bytes} 413. The HTTP layer's own limits are set well above these (platform defaults), as
 * it would answer them with an empty body.
 */
@ApplicationScoped
public class HttpLimits {

    private final ObjectMapper json;
    private final int maxUriBytes;
    private final int maxHeaderBytes;
    private final long maxBodyBytes;

    public HttpLimits(ObjectMapper json,
                      @ConfigProperty(name = "efa.http.max-uri-bytes", defaultValue = "8192") int maxUriBytes,
                      @ConfigProperty(name = "efa.http.max-header-bytes", defaultValue = "16384") int maxHeaderBytes,
                      @ConfigProperty(name = "efa.http.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.json = json;
        this.maxUriBytes = maxUriBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::bodyTooLarge);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriBytes) {
            refuse(context, 414, "uri-too-long", "URI too long",
                    "The URI has " + uri.length() + " characters; at most " + maxUriBytes + " are accepted");
            return;
        }
        int headerBytes = headerBytes(context.request().headers());
        if (headerBytes > maxHeaderBytes) {
            refuse(context, 431, "headers-too-large", "Request headers too large",
                    "The headers have " + headerBytes + " bytes; at most " + maxHeaderBytes + " are accepted");
            return;
        }
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > maxBodyBytes) {
            refuse(context, 413, "body-too-large", "Request body too large",
                    "The body has " + declared + " bytes; at most " + maxBodyBytes + " are accepted");
            return;
        }
        context.next();
    }

    /** A body that is sent without its length and grows past the HTTP layer's limit fails the route with 413. */
    private void bodyTooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context, 413, "body-too-large", "Request body too large",
                    "The body is larger than the " + maxBodyBytes + " bytes accepted");
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, null, List.of());
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static int headerBytes(MultiMap headers) {
        int bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return 0;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
