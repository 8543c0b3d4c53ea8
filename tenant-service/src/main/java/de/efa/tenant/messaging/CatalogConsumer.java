package de.efa.tenant.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import de.efa.tenant.repository.CatalogRecord;
import de.efa.tenant.service.CatalogProjection;
import de.efa.tenant.service.CatalogProjection.Change;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads {@code efa.catalog.services.v1} into the local catalog copy, a poll's worth of records per transaction,
 * on a worker thread so the poll loop never waits for the database. A tolerant reader: unknown fields are ignored;
 * a record that cannot be read is logged and skipped.
 */
@ApplicationScoped
public class CatalogConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);

    private final CatalogProjection projection;
    private final ObjectReader reader;

    public CatalogConsumer(CatalogProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.reader = json.readerFor(ServiceMessage.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The part of a catalog record that the tenant-service uses. */
    record ServiceMessage(UUID id, String slug, String name, String providerId, String status,
            List<String> availableIn, String brokerUrl, Long version, List<PlanMessage> plans) {
    }

    record PlanMessage(String id, String name, PricingMessage pricing, JsonNode parameters) {
    }

    record PricingMessage(long setupFeeCents, long annualBaseCents, long annualPerInhabitantCents) {
    }

    @Incoming("catalog")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            read(record).ifPresent(changes::add);
        }
        Batches.apply(changes, projection::apply);
    }

    private Optional<Change> read(ConsumerRecord<String, String> record) {
        try {
            if (record.value() == null) {
                return Optional.of(new CatalogProjection.Removal(UUID.fromString(record.key())));
            }
            ServiceMessage service = reader.readValue(record.value());
            if (service.id() == null || service.status() == null || service.version() == null) {
                throw new IOException("id, status and version are required");
            }
            List<CatalogRecord.Plan> plans = service.plans() == null ? List.of()
                    : service.plans().stream().map(CatalogConsumer::plan).toList();
            return Optional.of(new CatalogProjection.Upsert(new CatalogRecord(service.id(),
                    orEmpty(service.slug()), orEmpty(service.name()), orEmpty(service.providerId()), service.status(),
                    service.availableIn() == null ? List.of() : service.availableIn(), service.brokerUrl(),
                    service.version(), plans)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("catalog record %s-%d@%d with key %s cannot be read and is skipped: %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private static CatalogRecord.Plan plan(PlanMessage plan) {
        if (plan.id() == null || plan.pricing() == null) {
            throw new IllegalArgumentException("a plan needs an id and pricing");
        }
        JsonNode schema = plan.parameters();
        return new CatalogRecord.Plan(plan.id(), orEmpty(plan.name()), plan.pricing().setupFeeCents(),
                plan.pricing().annualBaseCents(), plan.pricing().annualPerInhabitantCents(),
                schema == null || schema.isNull() ? null : schema.toString());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
