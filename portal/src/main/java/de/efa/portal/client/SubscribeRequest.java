package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A subscription to one plan with the configuration its JSON Schema asks for. */
public record SubscribeRequest(String serviceId, String planId, JsonNode parameters) {
}
