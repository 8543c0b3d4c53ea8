package de.efa.marketplace.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.CatalogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes from a record of {@code efa.catalog.services.v1} only what provisioning needs: id, version, provider,
 * status, {@code brokerUrl} and the plan ids. Everything else of the service is ignored.
 */
@ApplicationScoped
public class CatalogRecordReader {

    private final ObjectMapper json;

    public CatalogRecordReader(ObjectMapper json) {
        this.json = json;
    }

    /** A tombstone (no value) is compaction's business: a job may still need a retired service's broker. */
    public Reading<CatalogEntry> read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Reading.nothing();
        }
        JsonNode service;
        try {
            service = json.readTree(record.value());
        } catch (IOException e) {
            return Reading.unreadable("the value is not JSON");
        }
        if (service == null || !service.isObject()) {
            return Reading.unreadable("the value is not a JSON object");
        }
        UUID id;
        try {
            id = UUID.fromString(service.path("id").asText());
        } catch (IllegalArgumentException e) {
            return Reading.unreadable("'id' is not a UUID");
        }
        JsonNode version = service.get("version");
        if (version == null || !version.canConvertToLong()) {
            return Reading.unreadable("'version' is missing or not a number");
        }
        List<String> plans = new ArrayList<>();
        service.path("plans").forEach(plan -> {
            if (plan.path("id").isTextual()) {
                plans.add(plan.path("id").asText());
            }
        });
        return Reading.of(new CatalogEntry(id, version.asLong(), text(service, "providerId"), text(service, "status"),
                text(service, "brokerUrl"), plans));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
