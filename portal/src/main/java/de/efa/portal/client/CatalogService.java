package de.efa.portal.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An EfA service as the catalog-service shows it. */
public record CatalogService(
        String id,
        String slug,
        String name,
        String summary,
        String description,
        List<String> keywords,
        String providerId,
        List<String> leikaKeys,
        String ozgId,
        String themenfeld,
        String leadLand,
        List<String> availableIn,
        List<String> reuseModels,
        List<String> languages,
        Accessibility accessibility,
        List<Plan> plans,
        String status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public record Accessibility(String bitvStatement, String feedbackMechanism) {
    }

    public Optional<Plan> plan(String planId) {
        return plans == null ? Optional.empty() : plans.stream().filter(p -> p.id().equals(planId)).findFirst();
    }

    /** An empty {@code availableIn} means the service may be reused in every Land. */
    public boolean availableEverywhere() {
        return availableIn == null || availableIn.isEmpty();
    }

    public boolean availableIn(String landCode) {
        return availableEverywhere() || availableIn.contains(landCode);
    }
}
