package de.efa.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A plan subscribed for many municipalities at once, with how far it has come: each selected municipality is counted
 * once, in the status its item has now.
 */
public record Rollout(String id, String serviceId, String planId, String status, Selection select,
                      String requestedBy, Counts counts, Instant createdAt, Instant finishedAt) {

    public static final String RUNNING = "RUNNING";

    public boolean running() {
        return RUNNING.equals(status);
    }

    /**
     * Which municipalities: the fields that are given combine with "and"; a field not given is not sent, so that a
     * selection of nothing reaches the service as such.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Selection(Boolean all, String land, String kreis, List<String> ags, String clientsOf) {
    }

    public record Counts(long selected, long pending, long subscribed, long active, long interestDeclared, long failed,
                         long skipped) {

        /** Items that have come to their end: ACTIVE, INTEREST_DECLARED, FAILED or SKIPPED. */
        public long finished() {
            return active + interestDeclared + failed + skipped;
        }

        /** The share of the items finished, in whole percent; a rollout that selected nobody has nothing left. */
        public long percent() {
            return selected == 0 ? 100 : finished() * 100 / selected;
        }
    }

    /** One municipality of a rollout; {@code subscriptionId} once one was created, {@code reason} why not or why it failed. */
    public record Item(String ags, String tenantName, String status, String subscriptionId, String reason) {
    }
}
