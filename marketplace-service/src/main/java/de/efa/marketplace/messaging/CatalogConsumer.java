package de.efa.marketplace.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.CatalogEntry;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.platform.inbox.Consumption;
import de.efa.platform.inbox.EventHandler;
import de.efa.platform.inbox.EventInbox;
import de.efa.platform.inbox.InboundEvent;
import de.efa.platform.inbox.UnreadableEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the local catalog copy from {@code efa.catalog.services.v1}, taking from each record only what provisioning
 * needs: id, version, provider, status, {@code brokerUrl} and the plan ids. The copy is kept by version, so a record
 * read again changes nothing and the copy can be rebuilt from the compacted topic: no event ids are recorded.
 * Records that cannot be read or stored are parked; tombstones are ignored, as a job may still need a retired
 * service's broker.
 */
@ApplicationScoped
public class CatalogConsumer implements EventHandler<CatalogEntry> {

    private static final Consumption CONSUMPTION = Consumption.of("catalog", Set.of("de.efa.service.created.v1",
            "de.efa.service.updated.v1", "de.efa.service.published.v1", "de.efa.service.deprecated.v1",
            "de.efa.service.retired.v1")).keptByVersion();

    private final EventInbox inbox;
    private final CatalogCopy catalog;
    private final ObjectMapper json;

    public CatalogConsumer(EventInbox inbox, CatalogCopy catalog, ObjectMapper json) {
        this.inbox = inbox;
        this.catalog = catalog;
        this.json = json;
    }

    @Incoming("catalog-services")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, this);
    }

    @Override
    public Consumption consumption() {
        return CONSUMPTION;
    }

    @Override
    public CatalogEntry read(InboundEvent event) throws UnreadableEventException {
        JsonNode service = EventValues.object(json, event.value());
        UUID id;
        try {
            id = UUID.fromString(service.path("id").asText());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("'id' is not a UUID");
        }
        JsonNode version = service.get("version");
        if (version == null || !version.canConvertToLong()) {
            throw new UnreadableEventException("'version' is missing or not a number");
        }
        List<String> plans = new ArrayList<>();
        service.path("plans").forEach(plan -> {
            if (plan.path("id").isTextual()) {
                plans.add(plan.path("id").asText());
            }
        });
        return new CatalogEntry(id, version.asLong(), text(service, "providerId"), text(service, "status"),
                text(service, "brokerUrl"), plans);
    }

    @Override
    public void apply(List<CatalogEntry> entries) {
        catalog.apply(entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
