package de.efa.platform.outbox;

import de.efa.platform.health.Heartbeat;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One pass of a relay: claims a batch, sends it outside any transaction, waits for the acknowledgements, marks what
 * was sent and gives the rest back. A crash in between only sends an event twice, which consumers drop by
 * {@code ce_id}. While Kafka is away the events simply stay; a record Kafka refuses for itself (or whose topic is
 * missing while Kafka takes the others) is parked after {@link OutboxConfig#maxAttempts()} refusals, and the events
 * of other keys go on.
 */
final class RelayPass {

    private static final Logger LOG = Logger.getLogger(RelayPass.class);
    private static final Duration BEAT_EVERY = Duration.ofSeconds(1);

    private final OutboxRepository repository;
    private final Producer<String, String> producer;
    private final OutboxConfig config;
    private final String source;
    private final Heartbeat heartbeat;

    RelayPass(OutboxRepository repository, Producer<String, String> producer, OutboxConfig config, String source,
              Heartbeat heartbeat) {
        this.repository = repository;
        this.producer = producer;
        this.config = config;
        this.source = source;
        this.heartbeat = heartbeat;
    }

    /** The outcome of a pass: how many events it sent and parked, and whether more are likely waiting. */
    record Outcome(int sent, int parked, boolean more) {
    }

    Outcome run() throws SQLException {
        List<PendingEvent> batch = repository.claim(config.batchSize(), config.lease());
        if (batch.isEmpty()) {
            return new Outcome(0, 0, false);
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        Set<String> unreachable = new HashSet<>();
        for (PendingEvent event : batch) {
            Future<RecordMetadata> send = unreachable.contains(event.topic()) ? null : send(event);
            // A send that fails at once for a reason that may pass (no metadata within max.block.ms) would fail as
            // slowly for every other event of its topic: they wait for the next pass.
            if (send != null && send.isDone() && failure(send) instanceof RetriableException) {
                unreachable.add(event.topic());
            }
            sends.add(send);
        }
        List<UUID> sent = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> send : sends) {
            Throwable failure = send == null ? new TopicUnreachableException() : await(send, deadline);
            failures.add(failure);
        }
        // Kafka took other events of this pass, so what it refused is the record's (or its topic's) own fault; when
        // it took none, it is away, and that is no event's fault.
        boolean kafkaAnswered = failures.stream().anyMatch(Objects::isNull);
        List<SendFailure> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Throwable failure = failures.get(i);
            if (failure == null) {
                sent.add(batch.get(i).id());
            } else {
                failed.add(new SendFailure(batch.get(i).id(), countsAsAttempt(failure, kafkaAnswered),
                        failure.toString()));
            }
        }
        repository.markSent(sent);
        int parked = repository.release(failed, config.maxAttempts());
        if (!failed.isEmpty()) {
            LOG.warnf("Kafka did not take %d of %d events (%d parked now): %s", failed.size(), batch.size(), parked,
                    failed.get(0).error());
        }
        return new Outcome(sent.size(), parked, failed.isEmpty() && batch.size() == config.batchSize());
    }

    private Future<RecordMetadata> send(PendingEvent event) {
        try {
            return producer.send(RelayRecords.of(event, source));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for one acknowledgement until the deadline, beating meanwhile; answers why it failed, or null. */
    private Throwable await(Future<RecordMetadata> send, long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new NoAnswerInTimeException();
            }
            try {
                send.get(Math.min(left, BEAT_EVERY.toNanos()), TimeUnit.NANOSECONDS);
                return null;
            } catch (TimeoutException e) {
                heartbeat.beat();
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }
    }

    private static Throwable failure(Future<RecordMetadata> send) {
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /**
     * Kafka being slow or our producer shutting down is no fault of the record; a refusal that may pass (a missing
     * topic, a partition without leader) is its fault only while Kafka takes other events; anything else is.
     */
    private static boolean countsAsAttempt(Throwable failure, boolean kafkaAnswered) {
        if (failure instanceof NoAnswerInTimeException || failure instanceof InterruptedException
                || failure instanceof IllegalStateException) {
            return false;
        }
        return kafkaAnswered || !(failure instanceof RetriableException || failure instanceof TopicUnreachableException);
    }

    /** No acknowledgement before the pass's deadline. */
    private static final class NoAnswerInTimeException extends Exception {

        NoAnswerInTimeException() {
            super("no acknowledgement from Kafka in time", null, false, false);
        }
    }

    /** Not tried in this pass: an event of the same topic already failed to get its metadata. */
    private static final class TopicUnreachableException extends Exception {

        TopicUnreachableException() {
            super("not tried: the topic's metadata could not be fetched in this pass", null, false, false);
        }
    }
}
