package de.efa.catalog;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;


/** Reads efa.catalog.services.v1 from its beginning, as a new consumer of the catalog would. */
public final class CatalogTopic implements AutoCloseable {

    public static final String TOPIC = "efa.catalog.services.v1";

    private final ConsumerTask<String, String> records;

    public CatalogTopic(KafkaCompanion kafka) {
        records = kafka.consumeStrings().fromTopics(TOPIC);
    }

    /** Waits for the record of that service and CloudEvents type. */
    public ConsumerRecord<String, String> await(String serviceId, String type, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> find(serviceId, type), Optional::isPresent)
                .orElseThrow();
    }

    public ConsumerRecord<String, String> await(String serviceId, String type) {
        return await(serviceId, type, Duration.ofSeconds(30));
    }

    public List<ConsumerRecord<String, String>> of(String serviceId) {
        return records.getRecords().stream().filter(r -> serviceId.equals(r.key())).toList();
    }

    private Optional<ConsumerRecord<String, String>> find(String serviceId, String type) {
        return of(serviceId).stream().filter(r -> type.equals(header(r, "ce_type"))).reduce((first, last) -> last);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        records.close();
    }
}
