package de.efa.tenant.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import de.efa.platform.inbox.Consumption;
import de.efa.platform.inbox.EventHandler;
import de.efa.platform.inbox.EventInbox;
import de.efa.platform.inbox.InboundEvent;
import de.efa.platform.inbox.UnreadableEventException;
import de.efa.tenant.domain.ContractModel;
import de.efa.tenant.domain.Terms;
import de.efa.tenant.repository.CatalogRecord;
import de.efa.tenant.service.CatalogProjection;
import de.efa.tenant.service.CatalogProjection.Change;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads {@code efa.catalog.services.v1} into the local catalog copy. A tolerant reader: unknown fields are ignored.
 * The copy is kept by version, so a record read twice changes nothing and the copy can be rebuilt from the topic
 * ({@link CatalogRebuild}): no event ids are recorded. A tombstone removes the service.
 */
@ApplicationScoped
public class CatalogConsumer implements EventHandler<Change> {

    private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);
    private static final Consumption CONSUMPTION = Consumption.of("catalog", Set.of("de.efa.service.created.v1",
            "de.efa.service.updated.v1", "de.efa.service.published.v1", "de.efa.service.deprecated.v1",
            "de.efa.service.retired.v1")).keptByVersion();

    private final EventInbox inbox;
    private final CatalogProjection projection;
    private final ObjectReader reader;

    public CatalogConsumer(EventInbox inbox, CatalogProjection projection, ObjectMapper json) {
        this.inbox = inbox;
        this.projection = projection;
        this.reader = json.readerFor(ServiceMessage.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The part of a catalog record that the tenant-service uses. */
    record ServiceMessage(UUID id, String slug, String name, String providerId, String status,
            List<String> availableIn, String brokerUrl, Long version, List<PlanMessage> plans) {
    }

    /** {@code updatable} is absent in records of catalog-services that predate it: false. */
    record PlanMessage(String id, String name, PricingMessage pricing, JsonNode parameters, ContractMessage contract,
            Boolean updatable) {
    }

    /** Absent in records of catalog-services that predate contracts: NONE. */
    record ContractMessage(String model, TermsMessage terms) {
    }

    record TermsMessage(String version, String url, String sha256) {
    }

    record PricingMessage(long setupFeeCents, long annualBaseCents, long annualPerInhabitantCents) {
    }

    @Incoming("catalog")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, this);
    }

    @Override
    public Consumption consumption() {
        return CONSUMPTION;
    }

    @Override
    public Change read(InboundEvent event) throws UnreadableEventException {
        ServiceMessage service;
        try {
            service = reader.readValue(event.value());
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("the value is not a service: " + e.getOriginalMessage());
        }
        if (service.id() == null || service.status() == null || service.version() == null) {
            throw new UnreadableEventException("id, status and version are required");
        }
        List<CatalogRecord.Plan> plans = new ArrayList<>();
        for (PlanMessage plan : service.plans() == null ? List.<PlanMessage>of() : service.plans()) {
            plans.add(plan(plan));
        }
        return new CatalogProjection.Upsert(new CatalogRecord(service.id(), orEmpty(service.slug()),
                orEmpty(service.name()), orEmpty(service.providerId()), service.status(),
                service.availableIn() == null ? List.of() : service.availableIn(), service.brokerUrl(),
                service.version(), plans));
    }

    @Override
    public Optional<Change> tombstone(InboundEvent event) {
        try {
            return Optional.of(new CatalogProjection.Removal(UUID.fromString(event.key())));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("tombstone %s names no service id (key %s) and is skipped", event.position(), event.key());
            return Optional.empty();
        }
    }

    @Override
    public void apply(List<Change> changes) {
        projection.apply(changes);
    }

    private static CatalogRecord.Plan plan(PlanMessage plan) throws UnreadableEventException {
        if (plan == null || plan.id() == null || plan.pricing() == null) {
            throw new UnreadableEventException("a plan needs an id and pricing");
        }
        JsonNode schema = plan.parameters();
        return new CatalogRecord.Plan(plan.id(), orEmpty(plan.name()), plan.pricing().setupFeeCents(),
                plan.pricing().annualBaseCents(), plan.pricing().annualPerInhabitantCents(),
                schema == null || schema.isNull() ? null : schema.toString(), contractModel(plan),
                terms(plan).orElse(null), Boolean.TRUE.equals(plan.updatable()));
    }

    /** A model this version does not know cannot be taken for NONE: the record waits, parked, for an upgrade. */
    private static ContractModel contractModel(PlanMessage plan) throws UnreadableEventException {
        if (plan.contract() == null || plan.contract().model() == null) {
            return ContractModel.NONE;
        }
        try {
            return ContractModel.valueOf(plan.contract().model());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("plan " + plan.id() + " has the unknown contract model "
                    + plan.contract().model());
        }
    }

    private static Optional<Terms> terms(PlanMessage plan) throws UnreadableEventException {
        TermsMessage terms = plan.contract() == null ? null : plan.contract().terms();
        if (terms == null) {
            if (contractModel(plan).needsContract()) {
                throw new UnreadableEventException("plan " + plan.id() + " has a contract without terms");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new Terms(terms.version(), terms.url(), terms.sha256()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("plan " + plan.id() + ": " + e.getMessage());
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
