package de.efa.platform.outbox;

import de.efa.platform.health.Heartbeats;
import de.efa.platform.support.SeparateOutbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Relay passes over an outbox of their own, with producers that refuse as Kafka would. */
@QuarkusTest
class RelayPassTest {

    private static final String TOPIC = "platform.test.relayed";
    private static final String TYPE = "de.efa.test.happened.v1";

    @Inject
    SeparateOutbox outbox;
    @Inject
    OutboxConfig config;
    @Inject
    Heartbeats heartbeats;

    private OutboxRepository repository;

    @BeforeEach
    void emptyOutbox() throws SQLException {
        repository = new OutboxRepository(outbox.emptied());
    }

    @Test
    void kafka_refusing_the_service_itself_parks_nothing_however_often_it_refuses() throws Exception {
        for (RuntimeException refusal : List.of(
                new SaslAuthenticationException("Authentication failed: Invalid username or password"),
                new TopicAuthorizationException(Set.of(TOPIC)),
                new ClusterAuthorizationException("Cluster authorization failed."))) {
            UUID first = outbox.write(TOPIC, "key-1", TYPE, "{}");
            UUID second = outbox.write(TOPIC, "key-2", TYPE, "{}");
            RelayPass pass = pass(() -> refusing(refusal));

            for (int i = 0; i <= config.maxAttempts(); i++) {
                pass.run();
            }

            assertThat(outbox.sql().strings("SELECT attempts || ' ' || (parked_at IS NOT NULL) || ' ' || "
                    + "(sent_at IS NOT NULL) || ' ' || last_error FROM outbox_event WHERE id IN (?, ?)", first, second))
                    .as(refusal.toString())
                    .containsExactly("0 false false " + refusal, "0 false false " + refusal);
            outbox.sql().update("DELETE FROM outbox_event");
        }
    }

    @Test
    void a_producer_that_failed_for_good_is_replaced_and_the_events_go_out_with_the_new_one() throws Exception {
        UUID id = outbox.write(TOPIC, "key-1", TYPE, "{\"n\":1}");
        MockProducer<String, String> broken = refusing(new ClusterAuthorizationException("Cluster authorization failed."));
        MockProducer<String, String> renewed = taking();
        Iterator<MockProducer<String, String>> producers = List.of(broken, renewed).iterator();
        RelayPass pass = pass(producers::next);

        pass.run();
        pass.run();

        assertThat(broken.closed()).isTrue();
        assertThat(renewed.history()).extracting(ProducerRecord::key, ProducerRecord::value)
                .containsExactly(tuple("key-1", "{\"n\":1}"));
        assertThat(outbox.sql().strings(
                "SELECT attempts || ' ' || (parked_at IS NOT NULL) || ' ' || (sent_at IS NOT NULL) FROM outbox_event "
                        + "WHERE id = ?", id)).containsExactly("0 false true");
    }

    @Test
    void a_record_kafka_refuses_for_itself_is_parked_after_its_attempts_also_when_nothing_else_is_sent()
            throws Exception {
        UUID id = outbox.write(TOPIC, "key-1", TYPE, "{}");
        RelayPass pass = pass(() -> refusing(new RecordTooLargeException("The message is 2000123 bytes")));

        for (int i = 0; i < config.maxAttempts(); i++) {
            pass.run();
        }

        assertThat(outbox.sql().strings("SELECT attempts || ' ' || (parked_at IS NOT NULL) FROM outbox_event "
                + "WHERE id = ?", id)).containsExactly(config.maxAttempts() + " true");
    }

    @Test
    void a_topic_the_service_may_not_write_to_is_parked_while_kafka_takes_the_others() throws Exception {
        String forbidden = "platform.test.forbidden";
        UUID refused = outbox.write(forbidden, "key-1", TYPE, "{}");
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
                new StringSerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
                return forbidden.equals(record.topic())
                        ? CompletableFuture.failedFuture(new TopicAuthorizationException(Set.of(forbidden)))
                        : super.send(record);
            }
        };
        RelayPass pass = pass(() -> producer);

        for (int i = 0; i < config.maxAttempts(); i++) {
            outbox.write(TOPIC, "other-" + i, TYPE, "{}");
            pass.run();
        }

        assertThat(outbox.sql().strings("SELECT attempts || ' ' || (parked_at IS NOT NULL) FROM outbox_event "
                + "WHERE id = ?", refused)).containsExactly(config.maxAttempts() + " true");
        assertThat(producer.history()).hasSize(config.maxAttempts());
    }

    private RelayPass pass(Supplier<Producer<String, String>> producers) {
        return new RelayPass(repository, producers, config, "/efa/relay-pass-test",
                heartbeats.worker("test relay pass"));
    }

    private static MockProducer<String, String> taking() {
        return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    }

    /** A producer whose every send fails at once, as Kafka's does for a refusal it knows before sending. */
    private static MockProducer<String, String> refusing(RuntimeException refusal) {
        MockProducer<String, String> producer = taking();
        producer.sendException = refusal;
        return producer;
    }
}
