package de.efa.marketplace.domain;

import java.util.List;
import java.util.UUID;

/** What this service needs to know of a catalog service: its broker and its plans, at a catalog version. */
public record CatalogEntry(UUID serviceId, long version, String providerId, String status, String brokerUrl,
                           List<String> planIds) {

    public boolean offers(String planId) {
        return planIds.contains(planId);
    }

    /** Whether the service has a broker the marketplace can call: its URL, and the provider its tokens are for. */
    public boolean hasBroker() {
        return brokerUrl != null && !brokerUrl.isBlank() && providerId != null && !providerId.isBlank();
    }

    public Broker broker() {
        return new Broker(providerId, brokerUrl);
    }
}
