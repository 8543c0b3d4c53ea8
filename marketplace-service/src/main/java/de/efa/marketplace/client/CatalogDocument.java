package de.efa.marketplace.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.BrokerOffering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a broker's {@code GET /v2/catalog} answer as a tolerant reader: only the services' ids and the flags this
 * marketplace asks about are taken; a flag that is absent or no boolean is false, as in OSB.
 */
public final class CatalogDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogDocument() {
    }

    /** The offering, or empty when the text is no OSB catalog (no {@code services} array, a service without id). */
    public static Optional<BrokerOffering> read(String text) {
        JsonNode root;
        try {
            root = text == null ? null : JSON.readTree(text);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.path("services").isArray()) {
            return Optional.empty();
        }
        List<BrokerOffering.Service> services = new ArrayList<>();
        for (JsonNode service : root.path("services")) {
            if (!service.path("id").isTextual()) {
                return Optional.empty();
            }
            Map<String, Boolean> plans = new HashMap<>();
            for (JsonNode plan : service.path("plans")) {
                if (plan.path("id").isTextual() && plan.path("plan_updateable").isBoolean()) {
                    plans.put(plan.path("id").asText(), plan.path("plan_updateable").asBoolean());
                }
            }
            services.add(new BrokerOffering.Service(service.path("id").asText(), flag(service, "instances_retrievable"),
                    flag(service, "allow_context_updates"), flag(service, "plan_updateable"), plans));
        }
        return Optional.of(new BrokerOffering(services));
    }

    private static boolean flag(JsonNode node, String name) {
        return node.path(name).isBoolean() && node.path(name).booleanValue();
    }
}
