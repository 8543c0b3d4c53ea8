package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A municipality's subscription to a plan, with where its provisioning stands and how it got there. */
public record Subscription(
        String id,
        String ags,
        String serviceId,
        String planId,
        JsonNode parameters,
        PriceSnapshot priceSnapshot,
        String status,
        Instance instance,
        String failureReason,
        List<HistoryEntry> history,
        Instant createdAt,
        Instant updatedAt) {

    /** Statuses that the marketplace is still working on; a page showing one of them keeps itself current. */
    private static final Set<String> IN_FLIGHT = Set.of("REQUESTED", "PROVISIONING", "CANCELLATION_REQUESTED",
            "DEPROVISIONING");

    public record PriceSnapshot(long setupFeeCents, long annualCents) {
    }

    public record Instance(String instanceId, String dashboardUrl) {
    }

    public record HistoryEntry(String status, Instant at, String detail) {
    }

    public boolean inFlight() {
        return IN_FLIGHT.contains(status);
    }

    public boolean cancellable() {
        return "ACTIVE".equals(status);
    }
}
