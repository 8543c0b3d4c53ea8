package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A plan of a service; {@code parameters} is the JSON Schema of the configuration a subscriber gives. */
public record Plan(String id, String name, String description, Pricing pricing, JsonNode parameters) {
}
