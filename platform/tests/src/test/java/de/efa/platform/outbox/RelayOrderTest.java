package de.efa.platform.outbox;

import de.efa.platform.health.Heartbeats;
import de.efa.platform.kafka.KafkaClients;
import de.efa.platform.support.Sql;
import de.efa.platform.support.TestWrites;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relays of several replicas over one outbox, while a writer keeps adding events of the same keys: every key's
 * events still reach Kafka in the order they were written.
 */
@QuarkusTest
class RelayOrderTest {

    private static final int KEYS = 8;
    private static final int EVENTS_PER_KEY = 25;

    @InjectKafkaCompanion
    KafkaCompanion kafka;
    @Inject
    TestWrites writes;
    @Inject
    OutboxRepository repository;
    @Inject
    KafkaClients clients;
    @Inject
    Heartbeats heartbeats;
    @Inject
    OutboxConfig config;
    @Inject
    Sql sql;

    @Test
    void two_relays_over_one_outbox_never_send_a_key_out_of_order() throws Exception {
        String topic = "platform.test.order." + UUID.randomUUID();
        kafka.topics().createAndWait(topic, 4);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<CompletableFuture<Void>> relays = List.of(relay("a", writing, topic), relay("b", writing, topic));

        for (int n = 0; n < EVENTS_PER_KEY; n++) {
            for (int key = 0; key < KEYS; key++) {
                writes.write(topic, "key-" + key, "de.efa.test.counted.v1", "{\"n\":" + n + "}");
            }
        }
        writing.set(false);
        CompletableFuture.allOf(relays.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<ConsumerRecord<String, String>> records = kafka.consumeStrings().fromTopics(topic, KEYS * EVENTS_PER_KEY)
                .awaitCompletion(Duration.ofSeconds(60)).getRecords();
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(Integer.parseInt(
                    record.value().replaceAll("\\D", "")));
        }
        assertThat(byKey).hasSize(KEYS);
        byKey.forEach((key, numbers) -> assertThat(numbers).as(key).isSorted().doesNotHaveDuplicates());
    }

    /** A second replica's relay: its own producer, small batches, passing until the writer is done and all is sent. */
    private CompletableFuture<Void> relay(String name, AtomicBoolean writing, String topic) {
        Producer<String, String> producer = clients.producer("test-relay-" + name,
                Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"));
        RelayPass pass = new RelayPass(repository, () -> producer, new SmallBatches(config), "/efa/" + name,
                heartbeats.loop("test relay " + name));
        return CompletableFuture.runAsync(() -> {
            try (producer) {
                while (writing.get() || unsent(topic) > 0) {
                    pass.run();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long unsent(String topic) {
        return sql.count("SELECT count(*) FROM outbox_event WHERE topic = ? AND sent_at IS NULL", topic);
    }

    /** The configured outbox with batches of 3, so that a key's events are spread over many claims. */
    private record SmallBatches(OutboxConfig configured) implements OutboxConfig {

        @Override
        public int batchSize() {
            return 3;
        }

        @Override
        public Duration lease() {
            return configured.lease();
        }

        @Override
        public Duration idlePoll() {
            return configured.idlePoll();
        }

        @Override
        public Duration sendTimeout() {
            return configured.sendTimeout();
        }

        @Override
        public Duration maxBlock() {
            return configured.maxBlock();
        }

        @Override
        public int maxAttempts() {
            return configured.maxAttempts();
        }

        @Override
        public int maxEventBytes() {
            return configured.maxEventBytes();
        }

        @Override
        public Duration retention() {
            return configured.retention();
        }
    }
}
