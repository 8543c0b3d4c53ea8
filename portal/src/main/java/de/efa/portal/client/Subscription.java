package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A municipality's subscription to a plan, or its interest in one: the contract it rests on, the provider's offer,
 * where its provisioning stands, a change waiting for the provider, and how it got there.
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
        RequestedChange requestedUpdate,
        UpdateFailure lastUpdateFailure,
        List<HistoryEntry> history,
        Instant createdAt,
        Instant updatedAt,
        String traceId) {

    /** Statuses that the marketplace is still working on; a page showing one of them keeps itself current. */
    private static final Set<String> IN_FLIGHT = Set.of("REQUESTED", "PROVISIONING", "UPDATE_REQUESTED", "UPDATING",
            "SUSPENDING", "RESUMING", "CANCELLATION_REQUESTED", "DEPROVISIONING");
    /** An instance exists and no request of it is under way: its plan or configuration may change. */
    private static final Set<String> CHANGEABLE = Set.of("ACTIVE", "UNUSABLE");
    private static final Set<String> CANCELLABLE = Set.of("ACTIVE", "UNUSABLE", "SUSPENDED");

    /**
     * What the plan costs this tenant, with the rates and the population it was computed from: the annual price is
     * the base plus the population times the per-inhabitant rate. A tenant-service of version 1 answers neither
     * rates nor population.
     */
    public record PriceSnapshot(long setupFeeCents, long annualCents, Long annualBaseCents,
                                Long annualPerInhabitantCents, Long population) {

        /** Whether the population went into the price, so that it is worth saying from which it was computed. */
        public boolean perInhabitant() {
            return annualPerInhabitantCents != null && annualPerInhabitantCents > 0 && population != null;
        }
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

    /** A plan or configuration the provider has been asked to apply; what the subscription shows stays until then. */
    public record RequestedChange(String planId, JsonNode parameters, PriceSnapshot priceSnapshot, Contract contract) {
    }

    /** Why the latest change failed at the provider, and when. */
    public record UpdateFailure(String reason, Instant at) {
    }

    public record HistoryEntry(String status, Instant at, String detail) {
    }

    public boolean inFlight() {
        return IN_FLIGHT.contains(status);
    }

    public boolean changeable() {
        return CHANGEABLE.contains(status);
    }

    /** Also a cancellation whose deprovisioning failed: it is asked for again, a new job. */
    public boolean cancellable() {
        return CANCELLABLE.contains(status) || "DEPROVISIONING".equals(status) && failureReason != null;
    }

    /** An operator may send a failed subscription to the provider again. */
    public boolean resubmittable() {
        return "FAILED".equals(status);
    }

    /** An interest or an offer is withdrawn by the same request that cancels an active subscription. */
    public boolean withdrawable() {
        return "INTEREST_DECLARED".equals(status) || concludable();
    }

    public boolean concludable() {
        return "OFFERED".equals(status);
    }
}
