package de.efa.marketplace.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.service.CatalogCopy;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Publishes what the catalog-service and the tenant-service would, and reads what this service publishes. */
public final class Topics {

    public static final String CATALOG = "efa.catalog.services.v1";
    public static final String REQUESTS = "efa.onboarding.requests.v1";
    public static final String DLQ = "efa.onboarding.requests.v1.dlq";
    public static final String RESULTS = "efa.onboarding.results.v1";
    public static final String REQUESTED = "de.efa.subscription.requested.v1";
    public static final String RESUBMITTED = "de.efa.subscription.resubmitted.v1";
    public static final String CANCELLATION_REQUESTED = "de.efa.subscription.cancellation-requested.v1";
    public static final String UPDATE_REQUESTED = "de.efa.subscription.update-requested.v1";
    public static final String SUSPEND_REQUESTED = "de.efa.subscription.suspend-requested.v1";
    public static final String RESUME_REQUESTED = "de.efa.subscription.resume-requested.v1";
    public static final String PUBLISHED = "de.efa.service.published.v1";

    private static final Map<String, String> OPERATIONS = Map.of(REQUESTED, "PROVISION", RESUBMITTED, "PROVISION",
            CANCELLATION_REQUESTED, "DEPROVISION", UPDATE_REQUESTED, "UPDATE", SUSPEND_REQUESTED, "SUSPEND",
            RESUME_REQUESTED, "RESUME");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaCompanion kafka;

    public Topics(KafkaCompanion kafka) {
        this.kafka = kafka;
    }

    /** A PUBLISHED catalog service of akdb with the given plans, served by the broker at {@code brokerUrl}. */
    public void catalogService(UUID serviceId, String brokerUrl, String... planIds) {
        catalogServiceOf("akdb", serviceId, brokerUrl, planIds);
    }

    /** A PUBLISHED catalog service of the provider with the given plans, served by the broker at {@code brokerUrl}. */
    public void catalogServiceOf(String providerId, UUID serviceId, String brokerUrl, String... planIds) {
        send(CATALOG, serviceId.toString(), catalogValue(serviceId, providerId, brokerUrl, planIds),
                cloudEvent("/efa/catalog-service", PUBLISHED, UUID.randomUUID().toString()));
    }

    /** The value of a catalog record of a PUBLISHED service, as catalog-service writes it. */
    public static String catalogValue(UUID serviceId, String providerId, String brokerUrl, String... planIds) {
        StringBuilder plans = new StringBuilder();
        for (String plan : planIds) {
            plans.append(plans.isEmpty() ? "" : ",").append("{\"id\":\"").append(plan).append("\",\"name\":\"")
                    .append(plan).append("\",\"pricing\":{\"setupFeeCents\":0,\"annualBaseCents\":100,"
                            + "\"annualPerInhabitantCents\":1},\"parameters\":{}}");
        }
        return "{\"id\":\"" + serviceId + "\",\"slug\":\"fuehrerschein\",\"name\":\"Führerschein digital\","
                + "\"providerId\":\"" + providerId + "\",\"leikaKeys\":[\"99086001000000\"],\"status\":\"PUBLISHED\","
                + "\"version\":1,\"plans\":[" + plans + "],\"brokerUrl\":\"" + brokerUrl + "\",\"somethingNew\":true}";
    }

    /**
     * Publishes the catalog service and waits until this service's local copy has it, so that a test's request
     * does not race the catalog consumer (which may still be joining its group right after boot).
     */
    public void catalogServiceKnown(CatalogCopy copy, UUID serviceId, String brokerUrl, String... planIds) {
        catalogServiceOfKnown(copy, "akdb", serviceId, brokerUrl, planIds);
    }

    /** As {@link #catalogServiceKnown}, for a service of the provider given. */
    public void catalogServiceOfKnown(CatalogCopy copy, String providerId, UUID serviceId, String brokerUrl,
                                      String... planIds) {
        catalogServiceOf(providerId, serviceId, brokerUrl, planIds);
        await().atMost(Duration.ofSeconds(30)).until(() -> copy.find(serviceId).isPresent());
    }

    public String request(String type, UUID subscriptionId, UUID serviceId, String planId) {
        String eventId = UUID.randomUUID().toString();
        request(type, eventId, subscriptionId, serviceId, planId);
        return eventId;
    }

    public void request(String type, String eventId, UUID subscriptionId, UUID serviceId, String planId) {
        kafka.produceStrings().fromRecords(requestRecord(type, eventId, subscriptionId, serviceId, planId))
                .awaitCompletion();
    }

    /** A request record of this type for Leipzig with a new {@code ce_id}, as tenant-service writes it. */
    public static ProducerRecord<String, String> requestRecord(String type, UUID subscriptionId, UUID serviceId,
                                                               String planId) {
        return requestRecord(type, UUID.randomUUID().toString(), subscriptionId, serviceId, planId);
    }

    private static ProducerRecord<String, String> requestRecord(String type, String eventId, UUID subscriptionId,
                                                                UUID serviceId, String planId) {
        return new ProducerRecord<>(REQUESTS, null, subscriptionId.toString(),
                requestValue(type, subscriptionId, serviceId, planId, "Leipzig, Stadt"),
                cloudEvent("/efa/tenant-service", type, eventId));
    }

    /** Sends the records in one go, each key's in the order given. */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion();
    }

    /** The value of a request of this type for Leipzig, as tenant-service writes it; {@code tenantName} is JSON text. */
    public static String requestValue(String type, UUID subscriptionId, UUID serviceId, String planId,
                                      String tenantName) {
        return requestValue(type, subscriptionId, serviceId, planId, tenantName, "");
    }

    /** As {@link #requestValue(String, UUID, UUID, String, String)}, with more fields given as JSON members. */
    private static String requestValue(String type, UUID subscriptionId, UUID serviceId, String planId,
                                       String tenantName, String moreMembers) {
        return "{\"subscriptionId\":\"" + subscriptionId + "\",\"operation\":\"" + OPERATIONS.get(type) + "\","
                + "\"ags\":\"14713000\",\"tenantName\":\"" + tenantName + "\",\"land\":\"14\",\"serviceId\":\""
                + serviceId + "\",\"planId\":\"" + planId + "\",\"parameters\":{\"zustaendigkeit\":\"Bürgeramt\"},"
                + moreMembers + "\"requestedAt\":\"" + Instant.now() + "\",\"unknownField\":1}";
    }

    /**
     * A request of this type asked for by the person {@code originatingUserId}; {@code previousPlanId} only for an
     * update. Returns its {@code ce_id}.
     */
    public String requestBy(String originatingUserId, String type, UUID subscriptionId, UUID serviceId, String planId,
                            String previousPlanId) {
        String eventId = UUID.randomUUID().toString();
        String more = (previousPlanId == null ? "" : "\"previousPlanId\":\"" + previousPlanId + "\",")
                + "\"originatingUserId\":" + (originatingUserId == null ? "null" : "\"" + originatingUserId + "\"")
                + ",";
        send(REQUESTS, subscriptionId.toString(),
                requestValue(type, subscriptionId, serviceId, planId, "Leipzig, Stadt", more),
                cloudEvent("/efa/tenant-service", type, eventId));
        return eventId;
    }

    public void send(String topic, String key, String value, RecordHeaders headers) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, null, key, value, headers)).awaitCompletion();
    }

    /** Sends to one partition, so that a test knows which records come after which. */
    public void send(String topic, int partition, String key, String value, RecordHeaders headers) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, partition, key, value, headers))
                .awaitCompletion();
    }

    public static RecordHeaders cloudEvent(String source, String type, String id) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", id);
        header(headers, "ce_source", source);
        header(headers, "ce_type", type);
        header(headers, "ce_time", Instant.now().toString());
        header(headers, "content-type", "application/json");
        return headers;
    }

    /** Waits until {@code topic} holds at least {@code count} records with this key; returns them in order. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
        ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(topic);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> withKey(task, key).size() >= count);
            return withKey(task, key);
        } finally {
            task.close();
        }
    }

    /** The records with this key on {@code topic} now, read from the beginning. */
    public List<ConsumerRecord<String, String>> recordsNow(String topic, String key) {
        ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(topic, Duration.ofSeconds(3));
        task.awaitCompletion();
        return withKey(task, key);
    }

    /** A text field of a record's JSON value, such as a result's {@code jobId}. */
    public static String field(ConsumerRecord<String, String> record, String name) {
        try {
            return JSON.readTree(record.value()).path(name).asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("the value of " + record + " is not JSON", e);
        }
    }

    /** A result as tests compare it: its type, {@code jobId} and {@code operation}. */
    public static String result(ConsumerRecord<String, String> record) {
        return header(record, "ce_type") + " " + field(record, "jobId") + " " + field(record, "operation");
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> withKey(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
