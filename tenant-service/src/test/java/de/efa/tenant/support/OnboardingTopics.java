package de.efa.tenant.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Plays the marketplace-service: reads the request topic and publishes results exactly as docs/events.md says. */
public final class OnboardingTopics {

    public static final String REQUESTS = "efa.onboarding.requests.v1";
    public static final String RESULTS = "efa.onboarding.results.v1";

    private final KafkaCompanion kafka;
    private final Db db;
    private final ObjectMapper json = new ObjectMapper();

    /** Results carry the job of the subscription's latest request, as the marketplace's do; {@code db} knows it. */
    public OnboardingTopics(KafkaCompanion kafka, Db db) {
        this.kafka = kafka;
        this.db = db;
    }

    /** Every request record about the subscription, from the start of the topic, once {@code count} are there. */
    public List<ConsumerRecord<String, String>> requests(String subscriptionId, int count, Duration timeout) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Set.of(REQUESTS), records -> records.select().where(r -> subscriptionId.equals(r.key())))) {
            return task.awaitRecords(count, timeout).getRecords();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes a result with a fresh {@code ce_id}, which it returns (to publish a duplicate with it). */
    public UUID publishResult(String type, String subscriptionId, String operation, String reason) {
        UUID ceId = UUID.randomUUID();
        publishResult(ceId, type, subscriptionId, operation, reason);
        return ceId;
    }

    public void publishResult(UUID ceId, String type, String subscriptionId, String operation, String reason) {
        publishResult(ceId.toString(), type, subscriptionId, operation, reason,
                "http://localhost:8090/dashboard/" + subscriptionId);
    }

    /**
     * A result of the subscription's latest request with the fields of its type beyond the common ones
     * ({@code planId}, {@code instanceUsable}, {@code confirmed}) and no dashboard URL, as the marketplace sends
     * update, suspension and resumption results.
     */
    public UUID publishResult(String type, String subscriptionId, String operation, String reason,
                              Map<String, Object> fields) {
        return publishResult(db.latestRequest(subscriptionId), type, subscriptionId, operation, reason, fields);
    }

    /** The same, of any job: one other than the latest request's is stale. */
    public UUID publishResult(UUID jobId, String type, String subscriptionId, String operation, String reason,
                              Map<String, Object> fields) {
        UUID ceId = UUID.randomUUID();
        publish(ceId.toString(), jobId, type, subscriptionId, operation, reason, null, fields);
        return ceId;
    }

    /** A result with any {@code ce_id} and dashboard URL, also ones the tenant-service cannot take. */
    public void publishResult(String ceId, String type, String subscriptionId, String operation, String reason,
                              String dashboardUrl) {
        publishResult(ceId, db.latestRequest(subscriptionId), type, subscriptionId, operation, reason, dashboardUrl);
    }

    /** A result of any job: one other than the latest request's is stale. */
    public void publishResult(String ceId, UUID jobId, String type, String subscriptionId, String operation,
                              String reason, String dashboardUrl) {
        publish(ceId, jobId, type, subscriptionId, operation, reason, dashboardUrl, Map.of());
    }

    private void publish(String ceId, UUID jobId, String type, String subscriptionId, String operation,
                         String reason, String dashboardUrl, Map<String, Object> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("subscriptionId", subscriptionId);
        payload.put("jobId", jobId.toString());
        payload.put("operation", operation);
        payload.put("instanceId", subscriptionId);
        payload.put("dashboardUrl", dashboardUrl);
        payload.put("reason", reason);
        payload.put("occurredAt", Instant.now().toString());
        payload.put("attempt", 1);
        RecordHeaders headers = new RecordHeaders();
        CatalogTopic.header(headers, "ce_specversion", "1.0");
        CatalogTopic.header(headers, "ce_id", ceId);
        CatalogTopic.header(headers, "ce_source", "/efa/marketplace-service");
        CatalogTopic.header(headers, "ce_type", "de.efa.instance." + type + ".v1");
        CatalogTopic.header(headers, "ce_time", Instant.now().toString());
        CatalogTopic.header(headers, "ce_subject", subscriptionId);
        CatalogTopic.header(headers, "content-type", "application/json");
        try {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(RESULTS, null, subscriptionId,
                    json.writeValueAsString(payload), headers)).awaitCompletion();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
