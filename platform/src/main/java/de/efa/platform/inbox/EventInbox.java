package de.efa.platform.inbox;

import de.efa.platform.events.CloudEventHeaders;
import de.efa.platform.health.Heartbeat;
import de.efa.platform.health.Heartbeats;
import de.efa.platform.outbox.EventTooLargeException;
import de.efa.platform.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies what a consumer polled, alike for every consumer of every service. A poll's worth of events is applied in
 * one transaction, with the ids of new events recorded in it so that duplicates change nothing. Records of unknown
 * types are skipped, so that producers can be upgraded first. A record that cannot be read, or whose data the
 * database refuses for good, is parked with its reason and the records after it are applied; every other failure is
 * retried with backoff while the offsets are held, so nothing is ever skipped (see {@link FailureKind}). Events are
 * applied in a consumer span that continues the trace of the first event's {@code traceparent}, linked to the others'.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ProcessedEvents processed;
    private final ParkedRecords parked;
    private final Heartbeats heartbeats;
    private final MeterRegistry meters;
    private final Tracing tracing;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final int maxPayloadBytes;
    private final Map<String, Heartbeat> consumers = new ConcurrentHashMap<>();

    public EventInbox(ProcessedEvents processed, ParkedRecords parked, Heartbeats heartbeats, MeterRegistry meters,
                      Tracing tracing,
                      @ConfigProperty(name = "efa.inbox.first-backoff", defaultValue = "200ms") Duration firstBackoff,
                      @ConfigProperty(name = "efa.inbox.max-backoff", defaultValue = "30s") Duration maxBackoff,
                      @ConfigProperty(name = "efa.inbox.max-payload-bytes", defaultValue = "1048576")
                      int maxPayloadBytes) {
        this.processed = processed;
        this.parked = parked;
        this.heartbeats = heartbeats;
        this.meters = meters;
        this.tracing = tracing;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** One event that could be read, with its id and type. */
    private record Item<T>(InboundEvent event, UUID ceId, String type, T value) {
    }

    /** Applies one poll; returns once every record is applied, parked or skipped, so its offsets may be committed. */
    public <T> void consume(ConsumerRecords<String, String> records, EventHandler<T> handler) {
        Heartbeat heartbeat = consumers.computeIfAbsent(handler.consumption().name(), name -> heartbeats.worker("consumer " + name));
        heartbeat.busy();
        try {
            List<Item<T>> readable = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                read(InboundEvent.of(record), handler, heartbeat).ifPresent(readable::add);
            }
            apply(readable, handler, heartbeat);
        } finally {
            heartbeat.idle();
        }
    }

    /**
     * A record of a type this consumer does not know is skipped before anything else is asked of it: a newer producer's
     * event may come without a value or be larger than this consumer reads, and is still none of its business.
     */
    private <T> Optional<Item<T>> read(InboundEvent event, EventHandler<T> handler, Heartbeat heartbeat) {
        Optional<String> type = event.header(CloudEventHeaders.TYPE);
        if (type.isPresent() && !handler.consumption().types().contains(type.get())) {
            LOG.infof("%s: skipped %s of unknown type %s", handler.consumption().name(), event.position(), type.get());
            meters.counter("efa.events.skipped", "consumer", handler.consumption().name(), "type", type.get()).increment();
            return Optional.empty();
        }
        if (event.value() == null) {
            try {
                return handler.tombstone(event).map(value -> new Item<>(event, null, null, value));
            } catch (UnreadableEventException e) {
                park(event, e.getMessage(), handler, heartbeat);
                return Optional.empty();
            }
        }
        int bytes = event.value().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxPayloadBytes) {
            park(event, "the value has " + bytes + " bytes, more than the " + maxPayloadBytes + " accepted", handler,
                    heartbeat);
            return Optional.empty();
        }
        try {
            String knownType = type.orElseThrow(() -> new UnreadableEventException("no ce_type header"));
            UUID ceId = ceId(event);
            return Optional.of(new Item<>(event, ceId, knownType, handler.read(event)));
        } catch (UnreadableEventException e) {
            park(event, e.getMessage(), handler, heartbeat);
            return Optional.empty();
        }
    }

    private static UUID ceId(InboundEvent event) throws UnreadableEventException {
        String id = event.header(CloudEventHeaders.ID)
                .orElseThrow(() -> new UnreadableEventException("no ce_id header"));
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("ce_id is not a UUID ("
                    + (id.length() > 64 ? id.length() + " characters" : "'" + id + "'") + ")");
        }
    }

    private <T> void apply(List<Item<T>> items, EventHandler<T> handler, Heartbeat heartbeat) {
        if (items.isEmpty()) {
            return;
        }
        RuntimeException failure = applyUntilNotTransient(items, handler, heartbeat);
        if (failure == null) {
            return;
        }
        if (items.size() > 1) {
            LOG.warnf("%s: a batch of %d failed (%s); applying each alone", handler.consumption().name(), items.size(),
                    failure.toString());
            for (Item<T> item : items) {
                apply(List.of(item), handler, heartbeat);
            }
            return;
        }
        Item<T> item = items.get(0);
        if (FailureKind.of(failure, handler.consumption().alreadyAppliedConstraints()) == FailureKind.ALREADY_APPLIED) {
            LOG.infof("%s: the effect of %s is already there", handler.consumption().name(), item.event().position());
            untilDone(heartbeat, "recording " + item.event().position(), () -> markProcessed(item, handler));
        } else {
            park(item.event(), reasonOf(failure), handler, heartbeat);
        }
    }

    /** @return null once applied, or the failure that retrying cannot cure */
    private <T> RuntimeException applyUntilNotTransient(List<Item<T>> items, EventHandler<T> handler,
                                                        Heartbeat heartbeat) {
        List<String> traceparents = items.stream().map(item -> item.event().header(Tracing.TRACEPARENT))
                .flatMap(Optional::stream).toList();
        return tracing.inSpan(handler.consumption().name() + " process", SpanKind.CONSUMER,
                traceparents.isEmpty() ? null : traceparents.get(0), traceparents, span -> {
                    span.setAttribute("messaging.system", "kafka");
                    span.setAttribute("messaging.destination.name", items.get(0).event().topic());
                    span.setAttribute("messaging.batch.message_count", items.size());
                    return applyWithBackoff(items, handler, heartbeat);
                });
    }

    private <T> RuntimeException applyWithBackoff(List<Item<T>> items, EventHandler<T> handler, Heartbeat heartbeat) {
        Duration backoff = firstBackoff;
        while (true) {
            heartbeat.beat();
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(items, handler));
                return null;
            } catch (RuntimeException failure) {
                if (FailureKind.of(failure, handler.consumption().alreadyAppliedConstraints()) != FailureKind.TRANSIENT) {
                    return failure;
                }
                LOG.warnf("%s: a batch of %d waits %d ms: %s", handler.consumption().name(), items.size(), backoff.toMillis(),
                        failure.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private <T> void applyOnce(List<Item<T>> items, EventHandler<T> handler) {
        List<T> fresh = new ArrayList<>();
        if (handler.consumption().deduplicates()) {
            Set<UUID> news = new HashSet<>(processed.markNew(items.stream().filter(i -> i.ceId() != null)
                    .map(i -> new ProcessedEvents.Processed(i.ceId(), i.type())).toList()));
            for (Item<T> item : items) {
                if (item.ceId() == null || news.remove(item.ceId())) {
                    fresh.add(item.value());
                } else {
                    LOG.debugf("%s: %s (ce_id %s) was applied before", handler.consumption().name(), item.event().position(),
                            item.ceId());
                }
            }
        } else {
            items.forEach(item -> fresh.add(item.value()));
        }
        if (!fresh.isEmpty()) {
            handler.apply(fresh);
        }
    }

    private <T> void markProcessed(Item<T> item, EventHandler<T> handler) {
        if (handler.consumption().deduplicates() && item.ceId() != null) {
            QuarkusTransaction.requiringNew().run(() ->
                    processed.markNew(List.of(new ProcessedEvents.Processed(item.ceId(), item.type()))));
        }
    }

    /**
     * Parks a record, with its copy on the consumer's dead-letter topic; a copy that can never be written (larger than
     * Kafka takes, or data the database refuses) must not stop the partition, so then the record is parked without.
     */
    private void park(InboundEvent event, String reason, EventHandler<?> handler, Heartbeat heartbeat) {
        LOG.warnf("%s: parked %s: %s", handler.consumption().name(), event.position(), reason);
        Optional<String> deadLetterTopic = handler.consumption().deadLetterTopic();
        untilDone(heartbeat, "parking " + event.position(), () -> {
            boolean first;
            try {
                first = QuarkusTransaction.requiringNew().call(() -> parked.park(event, reason, deadLetterTopic));
            } catch (RuntimeException failure) {
                if (deadLetterTopic.isEmpty() || !refusedForGood(failure)) {
                    throw failure;
                }
                LOG.errorf("%s: %s is parked without its copy on %s, which cannot be written: %s",
                        handler.consumption().name(), event.position(), deadLetterTopic.get(), failure.toString());
                first = QuarkusTransaction.requiringNew().call(() -> parked.park(event, reason, Optional.empty()));
            }
            if (first) {
                meters.counter("efa.events.parked", "consumer", handler.consumption().name()).increment();
            }
        });
    }

    private static boolean refusedForGood(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventTooLargeException) {
                return true;
            }
        }
        return FailureKind.of(failure, Set.of()) == FailureKind.BAD_DATA;
    }

    /** Parking and recording must not be skipped either: they too wait out what passes. */
    private void untilDone(Heartbeat heartbeat, String what, Runnable work) {
        Duration backoff = firstBackoff;
        while (true) {
            heartbeat.beat();
            try {
                work.run();
                return;
            } catch (RuntimeException failure) {
                LOG.warnf("%s failed, trying again in %d ms: %s", what, backoff.toMillis(), failure.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static String reasonOf(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) + "…" : message;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to apply events", e);
        }
    }
}
