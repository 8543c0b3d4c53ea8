package de.efa.marketplace.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.marketplace.client.BrokerAnswer.Failure;
import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.domain.Broker;
import de.efa.platform.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls an Open Service Broker (API v2.17) at a base URL known only at run time, one blocking call at a time
 * per worker thread, each within an overall deadline and reading at most 1 MiB of the answer, inside the broker's
 * bulkhead and circuit breaker ({@link BrokerGuards}), and only to URLs the {@link BrokerUrlPolicy} allows; redirects
 * are not followed. It never throws for what the broker does: every outcome, a timeout included, comes back as a
 * {@link BrokerAnswer} for the job's history. Each call is a client span whose {@code traceparent} the broker gets.
 */
@ApplicationScoped
public class OsbClient {

    private static final Logger LOG = Logger.getLogger(OsbClient.class);
    private static final String PLATFORM = "efa-marketplace";
    /** The most of an answer that is read; a broker that sends more has failed the call. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final ProvisioningConfig config;
    private final BrokerTokens tokens;
    private final ObjectMapper json;
    private final Clock clock;
    private final BrokerGuards guards;
    private final BrokerUrlPolicy policy;
    private final HttpClient http;
    private final Tracing tracing;

    public OsbClient(ProvisioningConfig config, BrokerTokens tokens, BrokerGuards guards, BrokerUrlPolicy policy,
                     ObjectMapper json, Clock clock, Tracing tracing) {
        this.config = config;
        this.tokens = tokens;
        this.guards = guards;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
        this.tracing = tracing;
        // A redirect would lead the call, with its token, to a URL nobody checked. HTTP/1.1 gives each call in flight a
        // kept-alive connection of its own; over one HTTP/2 connection per broker the calls of a rollout took longer
        // (docs/broker-calls.md, "One call").
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code PUT /v2/service_instances/{id}?accepts_incomplete=true}. */
    public BrokerAnswer provision(Broker broker, InstanceRequest request) {
        String body = provisionBody(request);
        String url = instanceUrl(broker, request.instanceId()) + "?accepts_incomplete=true";
        return call(new Call(broker, BrokerAction.PROVISION, "PUT", url, body, request.originatingUserId(), request.ags()));
    }

    /**
     * {@code PATCH /v2/service_instances/{id}?accepts_incomplete=true} to the request's plan and parameters, naming
     * the plan it changes from in {@code previous_values}.
     */
    public BrokerAnswer update(Broker broker, InstanceRequest request) {
        ObjectNode root = instanceBody(request, context(request));
        root.set("parameters", parameters(request));
        root.putObject("previous_values").put("plan_id", request.previousPlanId());
        return patch(BrokerAction.UPDATE, broker, request, root);
    }

    /**
     * A context update: {@code PATCH /v2/service_instances/{id}?accepts_incomplete=true} with the plan in effect and
     * the context with {@code suspended}, this marketplace's extension by which a broker locks or unlocks an
     * instance.
     */
    public BrokerAnswer updateContext(Broker broker, InstanceRequest request, boolean suspended) {
        ObjectNode context = context(request);
        context.put("suspended", suspended);
        return patch(BrokerAction.CONTEXT_UPDATE, broker, request, instanceBody(request, context));
    }

    private BrokerAnswer patch(BrokerAction action, Broker broker, InstanceRequest request, ObjectNode body) {
        String url = instanceUrl(broker, request.instanceId()) + "?accepts_incomplete=true";
        return call(new Call(broker, action, "PATCH", url, body.toString(), request.originatingUserId(), request.ags()));
    }

    /** {@code DELETE /v2/service_instances/{id}}: a deprovisioning, or the cleanup of a possible orphan. */
    public BrokerAnswer deprovision(BrokerAction action, Broker broker, InstanceRequest request) {
        String url = instanceUrl(broker, request.instanceId()) + "?accepts_incomplete=true"
                + "&service_id=" + encode(request.serviceId()) + "&plan_id=" + encode(request.planId());
        return call(new Call(broker, action, "DELETE", url, null, request.originatingUserId(), request.ags()));
    }

    /**
     * {@code GET /v2/service_instances/{id}/last_operation} with the operation the broker handed out, naming
     * {@code planId} (after a plan change OSB wants the plan before it).
     */
    public BrokerAnswer lastOperation(BrokerAction action, Broker broker, InstanceRequest request, String planId,
                                      String operation) {
        String url = instanceUrl(broker, request.instanceId()) + "/last_operation"
                + "?service_id=" + encode(request.serviceId()) + "&plan_id=" + encode(planId)
                + (operation == null ? "" : "&operation=" + encode(operation));
        return call(new Call(broker, action, "GET", url, null, request.originatingUserId(), request.ags()));
    }

    /** {@code GET /v2/service_instances/{id}}: the instance as the broker holds it. */
    public BrokerAnswer fetchInstance(Broker broker, UUID instanceId) {
        return call(new Call(broker, BrokerAction.FETCH_INSTANCE, "GET", instanceUrl(broker, instanceId), null, null,
                null));
    }

    /** {@code GET /v2/catalog}: what the broker offers (docs/services.md says what is asked of it). */
    public BrokerAnswer catalog(Broker broker) {
        return call(new Call(broker, BrokerAction.CATALOG, "GET", base(broker) + "/v2/catalog", null, null, null));
    }

    /**
     * One call to the broker at {@code broker}: {@code originatingUserId} and {@code ags} name the person it is made for (null when nobody asked),
     * as the broker's audit wants to know.
     */
    private record Call(Broker broker, BrokerAction action, String method, String url, String body,
                        String originatingUserId, String ags) {
    }

    private BrokerAnswer call(Call call) {
        return tracing.inSpan("OSB " + call.action(), SpanKind.CLIENT, span -> {
            span.setAttribute("http.request.method", call.method());
            span.setAttribute("url.full", call.url());
            BrokerAnswer answer = send(call);
            if (answer.status() != null) {
                span.setAttribute("http.response.status_code", answer.status());
            }
            return answer;
        });
    }

    private BrokerAnswer send(Call call) {
        // A new identity per attempt: the broker's logs and this attempt find each other by it.
        UUID identity = UUID.randomUUID();
        Instant at = clock.instant();
        long started = System.nanoTime();
        Optional<BrokerUrlPolicy.Refusal> refusal = policy.urlRefusal(call.url());
        if (refusal.isPresent()) {
            return refused(call, identity, at, started, refusal.get());
        }
        String token;
        try {
            token = tokens.accessToken(call.broker().providerId());
        } catch (RuntimeException e) {
            LOG.warnf("no token for the broker call %s %s: %s", call.method(), call.url(), e.getMessage());
            return failed(call, identity, at, started, Failure.NO_TOKEN,
                    "no access token from the identity provider: " + e.getMessage());
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(call.url()))
                    .timeout(config.requestTimeout())
                    .header("X-Broker-API-Version", config.brokerApiVersion())
                    .header("X-Broker-API-Request-Identity", identity.toString())
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call.body()));
            if (call.originatingUserId() != null) {
                builder.header("X-Broker-API-Originating-Identity", originatingIdentity(call));
            }
            Tracing.currentTraceparent().ifPresent(traceparent -> builder.header(Tracing.TRACEPARENT, traceparent));
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return failed(call, identity, at, started, Failure.NOT_SENT,
                    "the broker URL is not usable: " + e.getMessage());
        }
        // The host's lookup is the broker's: its provider's name server can keep it waiting, so it holds one of that
        // broker's places, and one that fails counts towards its circuit like a connection that fails.
        return guards.call(call.broker().url(), () -> policy.addressRefusal(call.url())
                        .map(addressRefusal -> refused(call, identity, at, started, addressRefusal))
                        .orElseGet(() -> exchange(call, request, identity, at)),
                (turnedAway, why) -> failed(call, identity, at, started, turnedAway, why));
    }

    private BrokerAnswer refused(Call call, UUID identity, Instant at, long started, BrokerUrlPolicy.Refusal refusal) {
        return failed(call, identity, at, started, refusal.lasting() ? Failure.NOT_ALLOWED : Failure.NOT_SENT,
                refusal.reason());
    }

    /**
     * The HTTP exchange, connecting, headers and body, within the overall deadline: the body is read as it arrives,
     * at most {@value #MAX_ANSWER_BYTES} bytes of it, and abandoned when the deadline passes, however slowly the
     * broker sends.
     */
    private BrokerAnswer exchange(Call call, HttpRequest request, UUID identity, Instant at) {
        long started = System.nanoTime();
        AtomicReference<BoundedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request, BoundedBody.handler(MAX_ANSWER_BYTES, body::set));
        try {
            HttpResponse<byte[]> response = pending.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return new BrokerAnswer(call.action(), identity, call.method(), call.url(), call.body(), at,
                    elapsedMs(started), response.statusCode(),
                    BrokerText.storable(new String(response.body(), StandardCharsets.UTF_8)),
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant()),
                    Failure.NONE, null);
        } catch (TimeoutException e) {
            pending.cancel(true);
            Optional.ofNullable(body.get()).ifPresent(BoundedBody::abandon);
            return timedOut(call, identity, at, started);
        } catch (ExecutionException e) {
            return failed(call, identity, at, started, e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return failed(call, identity, at, started, Failure.BROKEN, "interrupted while waiting");
        }
    }

    private BrokerAnswer failed(Call call, UUID identity, Instant at, long started, Throwable cause) {
        if (causedBy(cause, BoundedBody.TooLarge.class) != null) {
            return failed(call, identity, at, started, Failure.BROKEN,
                    causedBy(cause, BoundedBody.TooLarge.class).getMessage());
        }
        if (causedBy(cause, HttpConnectTimeoutException.class) != null || causedBy(cause, ConnectException.class) != null) {
            return failed(call, identity, at, started, Failure.NOT_SENT,
                    "could not connect to the broker: " + describe(cause));
        }
        if (causedBy(cause, HttpTimeoutException.class) != null) {
            // The request's own timeout (no headers by the deadline) and the deadline are one.
            return timedOut(call, identity, at, started);
        }
        return failed(call, identity, at, started, Failure.BROKEN,
                "the connection to the broker broke: " + describe(cause));
    }

    private BrokerAnswer timedOut(Call call, UUID identity, Instant at, long started) {
        return failed(call, identity, at, started, Failure.TIMEOUT,
                "no complete answer within " + config.requestTimeout().toMillis() + " ms");
    }

    private static <T extends Throwable> T causedBy(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /**
     * OSB's originating identity: the platform, a space, and the base64 of a JSON object that identifies the user
     * on that platform. Here the user is the token subject of the person whose request it is, with the AGS of the
     * municipality it was made for.
     */
    private String originatingIdentity(Call call) {
        ObjectNode user = json.createObjectNode();
        user.put("user_id", call.originatingUserId());
        user.put("ags", call.ags());
        return PLATFORM + " " + Base64.getEncoder().encodeToString(user.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String provisionBody(InstanceRequest request) {
        ObjectNode root = instanceBody(request, context(request));
        root.set("parameters", parameters(request));
        return root.toString();
    }

    private ObjectNode instanceBody(InstanceRequest request, ObjectNode context) {
        ObjectNode root = json.createObjectNode();
        root.put("service_id", request.serviceId());
        root.put("plan_id", request.planId());
        root.set("context", context);
        return root;
    }

    /** The platform's context of every instance call: who the instance is for. */
    private ObjectNode context(InstanceRequest request) {
        ObjectNode context = json.createObjectNode();
        context.put("platform", PLATFORM);
        context.put("ags", request.ags());
        context.put("tenant_name", request.tenantName());
        context.put("land", request.land());
        return context;
    }

    private JsonNode parameters(InstanceRequest request) {
        try {
            return json.readTree(request.parametersJson());
        } catch (IOException e) {
            throw new IllegalStateException("stored parameters are not JSON", e);
        }
    }

    private BrokerAnswer failed(Call call, UUID identity, Instant at, long started, Failure failure, String detail) {
        return new BrokerAnswer(call.action(), identity, call.method(), call.url(), call.body(), at,
                elapsedMs(started), null, null, null, failure, detail);
    }

    private static String instanceUrl(Broker broker, UUID instanceId) {
        return base(broker) + "/v2/service_instances/" + instanceId;
    }

    private static String base(Broker broker) {
        String url = broker.url();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
