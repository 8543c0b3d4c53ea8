package de.efa.tenant.messaging;

import de.efa.tenant.config.OutboxConfig;
import de.efa.tenant.repository.OutboxEvent;
import de.efa.tenant.repository.OutboxRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands outbox events to Kafka: claims a batch, sends it outside any transaction, waits for the acks, marks what
 * was acknowledged. One thread per instance does this, woken after each commit that wrote an event and on a
 * schedule; several instances share the work through the claim's {@code SKIP LOCKED}. While Kafka is down the
 * events simply stay in the outbox, and go out once it is back.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final OutboxConfig config;
    private final Producer<String, String> producer;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "outbox-relay"));

    public OutboxRelay(OutboxRepository outbox, OutboxConfig config, Producer<String, String> producer) {
        this.outbox = outbox;
        this.config = config;
        this.producer = producer;
    }

    void start(@Observes StartupEvent startup) {
        long interval = config.interval().toMillis();
        worker.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    /** Asks for a run soon; many wake-ups while one is pending make one run. */
    public void wake() {
        if (wakeupPending.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeupPending.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.batchSize());
        } catch (Exception e) {
            LOG.warnf("outbox relay run failed, the events stay in the outbox: %s", e.toString());
        }
    }

    /** @return how many events were claimed */
    private int relayBatch() throws Exception {
        List<OutboxEvent> batch = outbox.claim(config.batchSize(), config.lease());
        if (batch.isEmpty()) {
            return 0;
        }
        Map<UUID, Future<RecordMetadata>> sends = new LinkedHashMap<>();
        List<UUID> failed = new ArrayList<>();
        for (OutboxEvent event : batch) {
            if (!failed.isEmpty()) {
                // Kafka refused one already (no metadata within max.block.ms): the rest would only wait as long.
                failed.add(event.id());
                continue;
            }
            try {
                sends.put(event.id(), producer.send(toRecord(event)));
            } catch (RuntimeException e) {
                failed.add(event.id());
            }
        }
        producer.flush();
        List<UUID> acknowledged = new ArrayList<>();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Map.Entry<UUID, Future<RecordMetadata>> send : sends.entrySet()) {
            try {
                send.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(send.getKey());
            } catch (ExecutionException | TimeoutException e) {
                failed.add(send.getKey());
            }
        }
        outbox.markSent(acknowledged);
        outbox.release(failed);
        if (!failed.isEmpty()) {
            LOG.warnf("Kafka did not take %d of %d events; they stay in the outbox for the next run", failed.size(),
                    batch.size());
            return 0;
        }
        return batch.size();
    }

    private static ProducerRecord<String, String> toRecord(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, event.id().toString());
        header(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_TENANT_SERVICE);
        header(headers, CloudEventHeaders.TYPE, event.type());
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
        header(headers, CloudEventHeaders.SUBJECT, event.key());
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
