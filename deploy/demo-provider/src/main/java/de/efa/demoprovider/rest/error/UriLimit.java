package de.efa.demoprovider.rest.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A URI over {@code demo-provider.max-uri-bytes} is answered 414 in the endpoint's own error format before anything
 * reads it. The HTTP layer's own limit is set well above (application.properties), as it answers with an empty body.
 */
@ApplicationScoped
public class UriLimit {

    private final ObjectMapper json;
    private final int maxUriBytes;

    public UriLimit(ObjectMapper json,
                    @ConfigProperty(name = "demo-provider.max-uri-bytes", defaultValue = "8192") int maxUriBytes) {
        this.json = json;
        this.maxUriBytes = maxUriBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() <= maxUriBytes) {
            context.next();
            return;
        }
        String path = context.request().path();
        boolean brokerCall = ErrorAnswer.isBrokerPath(context.normalizedPath(), path);
        ErrorAnswer answer = new ErrorAnswer(414, "UriTooLong",
                "The URI has " + uri.length() + " characters; at most " + maxUriBytes + " are accepted");
        try {
            context.response().setStatusCode(414)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ErrorAnswer.mediaType(brokerCall))
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(answer.body(brokerCall, path)));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
