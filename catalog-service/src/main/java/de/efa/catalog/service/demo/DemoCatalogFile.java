package de.efa.catalog.service.demo;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.catalog.api.ServiceRequest.PricingRequest;

import java.util.List;
import java.util.Map;

/** The curated part of the demo catalog ({@code demo/catalog.json}); the facts come from the CSV. */
record DemoCatalogFile(
        List<DemoProvider> providers,
        Map<String, JsonNode> parameterBlocks,
        Map<String, DemoPlan> plans,
        List<DemoService> services) {

    record DemoProvider(String id, String name, String kind) {
    }

    /**
     * A plan offered by several demo services; its parameters are assembled from named blocks. A plan with a
     * {@code contract} model (absent: none) refers to the terms of the service that offers it.
     */
    record DemoPlan(String name, String description, PricingRequest pricing, List<String> blocks, List<String> required,
                    String contract, Boolean updatable) {
    }

    /** A demo service; {@code source} is its name in the CSV, where its OZG id, LeiKa keys and Themenfeld are. */
    record DemoService(String source, String slug, String name, String provider, String summary, String description,
                       List<String> keywords, List<String> languages, List<String> plans, DemoTerms terms) {
    }

    /**
     * The terms of a demo service: the demo provider serves their text at
     * {@code /nutzungsbedingungen/<slug>-<version>.html}, and {@code sha256} is the digest of exactly that file.
     */
    record DemoTerms(String version, String sha256) {
    }
}
