package de.efa.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Work that outlives the thread of the request it belongs to (an outbox row sent later, a record consumed in
 * another service, a job run by a worker) carries that request's trace as a W3C {@code traceparent}, and runs in a
 * span continuing it, so that one subscription can be followed from its request to every broker call and back.
 */
@ApplicationScoped
public class Tracing {

    /** The W3C Trace Context header, on HTTP requests and on Kafka records alike. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> OF_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The traceparent of the span the calling thread runs in; empty outside any span. */
    public static Optional<String> currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
    }

    /** The trace id of the span the calling thread runs in; null outside any span. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** The trace id a traceparent names; null for none, or for one that is not W3C Trace Context. */
    public static String traceIdOf(String traceparent) {
        SpanContext span = spanContextOf(traceparent);
        return span.isValid() ? span.getTraceId() : null;
    }

    /**
     * Runs {@code work} in a new span of its own kind whose parent is the span a traceparent names (a new trace
     * when it names none), linked to the spans of {@code linked} that another parent would have had: the other
     * records of a batch.
     */
    public <T> T inSpan(String name, SpanKind kind, String parentTraceparent, Collection<String> linked,
                        Function<Span, T> work) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind)
                .setParent(parentTraceparent == null ? Context.root() : contextOf(parentTraceparent));
        for (String traceparent : linked) {
            SpanContext link = spanContextOf(traceparent);
            if (link.isValid() && !traceparent.equals(parentTraceparent)) {
                builder.addLink(link);
            }
        }
        return run(builder.startSpan(), work);
    }

    /** Runs {@code work} in a new child span of the current one (a new trace outside any span). */
    public <T> T inSpan(String name, SpanKind kind, Function<Span, T> work) {
        return run(tracer.spanBuilder(name).setSpanKind(kind).startSpan(), work);
    }

    private static <T> T run(Span span, Function<Span, T> work) {
        try (Scope scope = span.makeCurrent()) {
            return work.apply(span);
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private static SpanContext spanContextOf(String traceparent) {
        return traceparent == null ? SpanContext.getInvalid()
                : Span.fromContext(contextOf(traceparent)).getSpanContext();
    }

    private static Context contextOf(String traceparent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, OF_TRACEPARENT);
    }
}
