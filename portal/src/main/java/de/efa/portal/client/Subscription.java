package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A municipality's subscription to a plan, or its interest in one: the contract it rests on, the provider's offer,
 * where its provisioning stands and how it got there.
 */
public record Subscription(
        String id,
        String ags,
        String serviceId,
        String planId,
        JsonNode parameters,
        PriceSnapshot priceSnapshot,
        Contract contract,
        Offer offer,
        String declineReason,
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

    /** The contract model with the terms agreed (for an offer: those it was made under) and who accepted them. */
    public record Contract(String model, Terms terms, String acceptedBy, Instant acceptedAt) {
    }

    /** The provider's conditions; a price it leaves out is the plan's, which the price snapshot then holds. */
    public record Offer(Long setupFeeCents, Long annualCents, LocalDate startDate, String note, Instant offeredAt,
                        String offeredBy) {
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

    /** An interest or an offer is withdrawn by the same request that cancels an active subscription. */
    public boolean withdrawable() {
        return "INTEREST_DECLARED".equals(status) || concludable();
    }

    public boolean concludable() {
        return "OFFERED".equals(status);
    }
}
