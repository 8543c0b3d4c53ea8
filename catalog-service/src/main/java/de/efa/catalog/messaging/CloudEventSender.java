package de.efa.catalog.messaging;

import de.efa.catalog.config.OutboxConfig;
import de.efa.catalog.repository.OutboxRecord;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sends outbox events as CloudEvents 1.0 in binary mode (docs/events.md): the attributes go into {@code ce_}
 * headers, the value is the JSON data. The producer is idempotent with {@code acks=all}, and its timeouts are
 * bounded so that a send never outlives the relay's lease.
 */
@ApplicationScoped
public class CloudEventSender {

    static final String SOURCE = "/efa/catalog-service";

    private static final Logger LOG = Logger.getLogger(CloudEventSender.class);

    private final KafkaProducer<String, String> producer;

    public CloudEventSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            OutboxConfig config) {
        if (config.lease().compareTo(config.deliveryTimeout().plus(config.maxBlock())) <= 0) {
            throw new IllegalStateException("efa.outbox.lease must be longer than delivery-timeout plus max-block, "
                    + "or a second replica could send events that are still in flight");
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "catalog-service-outbox",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deliveryTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.requestTimeout().toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis()),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends every record and waits for the broker's acknowledgements; answers the ids that were acknowledged. */
    public List<UUID> send(List<OutboxRecord> records) {
        List<Future<?>> acks = new ArrayList<>();
        for (OutboxRecord record : records) {
            acks.add(sendOne(record));
        }
        List<UUID> acknowledged = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                acks.get(i).get();
                acknowledged.add(records.get(i).id());
            } catch (ExecutionException e) {
                LOG.warnf("event %s to %s not sent yet: %s", records.get(i).id(), records.get(i).topic(),
                        e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    private Future<?> sendOne(OutboxRecord record) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", record.id().toString());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_type", record.type());
        header(headers, "ce_time", record.createdAt().toString());
        header(headers, "ce_subject", record.key());
        header(headers, "content-type", "application/json");
        try {
            return producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.payload(), headers));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
