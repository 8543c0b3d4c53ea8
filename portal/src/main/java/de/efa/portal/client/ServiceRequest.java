package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A service as its provider writes it (create and replace); the catalog refuses any other field. */
public record ServiceRequest(
        String slug,
        String name,
        String summary,
        String description,
        List<String> keywords,
        List<String> leikaKeys,
        String ozgId,
        String themenfeld,
        String leadLand,
        List<String> availableIn,
        List<String> reuseModels,
        List<String> languages,
        CatalogService.Accessibility accessibility,
        List<PlanRequest> plans) {

    public record PlanRequest(String id, String name, String description, Pricing pricing, JsonNode parameters,
                              Plan.Contract contract, boolean updatable) {
    }
}
