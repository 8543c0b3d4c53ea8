package de.efa.platform.outbox;

import de.efa.platform.health.Heartbeat;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
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
import java.util.function.Supplier;

/**
 * One pass of a relay: claims a batch, sends it outside any transaction, waits for the acknowledgements, marks what
 * was sent and gives the rest back. A crash in between only sends an event twice, which consumers drop by
 * {@code ce_id}. While Kafka is away, or refuses this service (its login, its rights), the events simply stay; a
 * record Kafka refuses for itself (or whose topic is missing while Kafka takes the others) is parked after
 * {@link OutboxConfig#maxAttempts()} refusals, and the events of other keys go on.
 */
final class RelayPass {

    private static final Logger LOG = Logger.getLogger(RelayPass.class);
    private static final Duration BEAT_EVERY = Duration.ofSeconds(1);

    /** Refusals of the record itself, whatever Kafka does with other records. */
    private static final List<Class<? extends Throwable>> REFUSALS_OF_THE_RECORD = List.of(
            RecordTooLargeException.class, RecordBatchTooLargeException.class, InvalidRecordException.class,
            InvalidTopicException.class);

    /**
     * No record's fault: Kafka refusing this service (its login, its rights, a producer it fenced), or too old for
     * it, or our own producer shutting down.
     */
    private static final List<Class<? extends Throwable>> OUTAGES = List.of(
            AuthenticationException.class, AuthorizationException.class, ProducerFencedException.class,
            UnsupportedVersionException.class, InterruptException.class, IllegalStateException.class);

    /** After these Kafka's producer refuses every later record for good (its TransactionManager's fatal errors). */
    private static final List<Class<? extends Throwable>> FATAL_TO_THE_PRODUCER = List.of(
            ClusterAuthorizationException.class, TransactionalIdAuthorizationException.class,
            ProducerFencedException.class, UnsupportedVersionException.class);

    private final OutboxRepository repository;
    private final Supplier<Producer<String, String>> producers;
    private final OutboxConfig config;
    private final String source;
    private final Heartbeat heartbeat;
    private volatile Producer<String, String> producer;
    private long renewableFrom = System.nanoTime();

    RelayPass(OutboxRepository repository, Supplier<Producer<String, String>> producers, OutboxConfig config,
              String source, Heartbeat heartbeat) {
        this.repository = repository;
        this.producers = producers;
        this.config = config;
        this.source = source;
        this.heartbeat = heartbeat;
        this.producer = producers.get();
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
        if (!kafkaAnswered) {
            failures.stream().filter(failure -> causedBy(failure, FATAL_TO_THE_PRODUCER)).findFirst()
                    .ifPresent(this::renewProducer);
        }
        return new Outcome(sent.size(), parked, failed.isEmpty() && batch.size() == config.batchSize());
    }

    /** Closes the producer, once the pass that uses it has ended. */
    void close(Duration timeout) {
        producer.close(timeout);
    }

    /**
     * The broken producer would refuse every record even once Kafka lets this service in again. While Kafka keeps
     * refusing, a new one is made once per send timeout, not in every pass.
     */
    private void renewProducer(Throwable fatal) {
        if (System.nanoTime() - renewableFrom < 0) {
            return;
        }
        LOG.warnf("The outbox's producer failed for good (%s); it is replaced", fatal.toString());
        // Closed first: the new one registers its metrics under the same client id, which closing the old one after
        // would unregister.
        producer.close(Duration.ZERO);
        producer = producers.get();
        renewableFrom = System.nanoTime() + config.sendTimeout().toNanos();
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
     * A refusal of the record itself always counts. Kafka being slow, refusing this service or our producer shutting
     * down is no fault of the record; any other failure (a missing topic or one this service may not write to, a
     * partition without leader) is its fault only while Kafka takes other events.
     */
    private static boolean countsAsAttempt(Throwable failure, boolean kafkaAnswered) {
        // The rights to one topic are that topic's, as its existence is: a missing ACL must not hold every other
        // topic's events behind the refused ones, which a relay would otherwise claim first in every pass.
        if (causedBy(failure, List.of(TopicAuthorizationException.class))) {
            return kafkaAnswered;
        }
        if (failure instanceof NoAnswerInTimeException || failure instanceof InterruptedException
                || causedBy(failure, OUTAGES)) {
            return false;
        }
        return kafkaAnswered || causedBy(failure, REFUSALS_OF_THE_RECORD);
    }

    /** Kafka's client wraps some errors in a {@code KafkaException}. */
    private static boolean causedBy(Throwable failure, List<Class<? extends Throwable>> kinds) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> kind : kinds) {
                if (kind.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
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
