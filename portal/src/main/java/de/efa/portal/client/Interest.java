package de.efa.portal.client;

/** An Interessenbekundung in one of the provider's services: the subscription and the municipality behind it. */
public record Interest(String tenantName, String leitwegId, Subscription subscription) {

    /** A provider's answer: an offer with these conditions (a price left out keeps the plan's). */
    public record Offer(Conditions conditions) {
    }

    public record Conditions(Long setupFeeCents, Long annualCents, String startDate, String note) {
    }

    /** A provider's answer: declined, saying why. */
    public record Decline(String reason) {
    }
}
