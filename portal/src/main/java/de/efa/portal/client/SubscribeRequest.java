package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A subscription to one plan with the configuration its JSON Schema asks for, or an interest in it; {@code
 * acceptedTerms} only where the plan's terms are accepted on subscribing.
 */
public record SubscribeRequest(String serviceId, String planId, JsonNode parameters, AcceptedTerms acceptedTerms) {
}
