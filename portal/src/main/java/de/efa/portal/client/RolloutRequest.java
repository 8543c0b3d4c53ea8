package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rollout of one plan with one configuration to the municipalities {@code select} chooses; {@code acceptedTerms}
 * as when subscribing, which only a bundler may give.
 */
public record RolloutRequest(String serviceId, String planId, JsonNode parameters, AcceptedTerms acceptedTerms,
                             Rollout.Selection select) {
}
