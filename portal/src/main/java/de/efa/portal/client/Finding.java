package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Where what the marketplace believes of an instance and what its broker holds part, with the evidence (what was
 * believed, what the broker answered); open until an operator resolves it with a note.
 */
public record Finding(String id, String kind, String subscriptionId, String brokerUrl, JsonNode evidence,
                      Instant detectedAt, Instant resolvedAt, String resolvedBy, String note) {

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** Why the job the finding stems from failed, which the marketplace puts into its evidence; null without one. */
    public String reason() {
        return evidence == null ? null : evidence.path("reason").textValue();
    }

    /** How an operator resolves a finding: what was found out or done. */
    public record Resolution(String note) {
    }
}
