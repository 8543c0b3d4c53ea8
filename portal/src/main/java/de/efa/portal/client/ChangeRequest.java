package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Another plan or configuration for a subscription: {@code parameters} replaces the whole configuration, {@code
 * planId} the plan (the current one's id changes none), {@code acceptedTerms} where the new plan's terms need it.
 */
public record ChangeRequest(String planId, JsonNode parameters, AcceptedTerms acceptedTerms) {
}
