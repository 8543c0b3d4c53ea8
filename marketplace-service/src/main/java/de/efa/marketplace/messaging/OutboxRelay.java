package de.efa.marketplace.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.config.OutboxConfig;
import de.efa.marketplace.domain.OutboxEvent;
import de.efa.marketplace.service.OutboxBatches;
import de.efa.marketplace.service.OutboxWritten;
import de.efa.marketplace.service.WakeableLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Sends the outbox to Kafka: leases a batch in a short transaction, sends it outside any transaction and
 * waits for the acks, then marks what was acknowledged. A crash in between only sends a record twice, which
 * consumers drop by {@code ce_id}. Woken after every commit that wrote to the outbox, and on a schedule.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SOURCE = "/efa/marketplace-service";
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final TypeReference<List<List<String>>> HEADER_PAIRS = new TypeReference<>() {
    };

    private final OutboxBatches batches;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final ObjectMapper json;
    private final WakeableLoop loop;
    private long purgedAt;

    public OutboxRelay(OutboxBatches batches, @Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config,
                       ObjectMapper json) {
        this.batches = batches;
        this.emitter = emitter;
        this.config = config;
        this.json = json;
        this.loop = new WakeableLoop("outbox-relay", config.idlePoll(), this::relay);
    }

    void onStart(@Observes StartupEvent event) {
        purgedAt = System.nanoTime();
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        loop.wake();
    }

    private boolean relay() {
        purgeNowAndThen();
        List<OutboxEvent> events = batches.claim();
        if (events.isEmpty()) {
            return false;
        }
        List<Uni<UUID>> sends = new ArrayList<>();
        for (OutboxEvent event : events) {
            sends.add(emitter.sendMessage(message(event))
                    .replaceWith(event.id)
                    .onFailure().invoke(e -> LOG.warnf("outbox event %s not sent: %s", event.id, e.getMessage()))
                    .onFailure().recoverWithNull());
        }
        List<UUID> acknowledged = Uni.join().all(sends).andFailFast().await().atMost(config.sendTimeout())
                .stream().filter(Objects::nonNull).toList();
        batches.markSent(acknowledged);
        return acknowledged.size() == events.size() && events.size() == config.batchSize();
    }

    private Message<String> message(OutboxEvent event) {
        RecordHeaders headers = event.headers == null ? cloudEventHeaders(event) : storedHeaders(event.headers);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.recordKey)
                .withHeaders(headers)
                .build();
        // A dead-lettered record may have had no value; the DLQ gets an empty one.
        return Message.of(event.payload == null ? "" : event.payload).addMetadata(metadata);
    }

    private static RecordHeaders cloudEventHeaders(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", event.id.toString());
        add(headers, "ce_source", SOURCE);
        add(headers, "ce_type", event.type);
        add(headers, "ce_time", event.createdAt.toString());
        add(headers, "ce_subject", event.recordKey);
        add(headers, "content-type", "application/json");
        return headers;
    }

    private RecordHeaders storedHeaders(String stored) {
        RecordHeaders headers = new RecordHeaders();
        try {
            for (List<String> pair : json.readValue(stored, HEADER_PAIRS)) {
                headers.add(pair.get(0), pair.get(1) == null ? null : pair.get(1).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("stored headers are not readable", e);
        }
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void purgeNowAndThen() {
        if (System.nanoTime() - purgedAt > PURGE_EVERY.toNanos()) {
            purgedAt = System.nanoTime();
            LOG.debugf("purged %d sent outbox events", batches.purgeSent());
        }
    }
}
