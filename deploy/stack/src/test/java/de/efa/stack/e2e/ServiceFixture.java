package de.efa.stack.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A realistic EfA service as a provider would publish it, with a plan that works and one that fails. */
final class ServiceFixture {

    static final String TERMS_VERSION = "2026-01";

    /** The configuration every fixture plan asks for: the municipality's zuständige Stelle. */
    private static final Map<String, Object> PARAMETERS = Map.of("type", "object",
            "required", List.of("zustaendigeStelle"),
            "properties", Map.of("zustaendigeStelle", Map.of("type", "string", "minLength", 3)));

    private ServiceFixture() {
    }

    static Map<String, Object> fuehrerschein(String slug) {
        Map<String, Object> pricing = Map.of("setupFeeCents", 50000, "annualBaseCents", 120000,
                "annualPerInhabitantCents", 2);
        return Map.ofEntries(
                Map.entry("slug", slug),
                Map.entry("name", "Führerschein digital beantragen"),
                Map.entry("summary", "Fahrerlaubnis online beantragen, mit Nachweisen und Bezahlung"),
                Map.entry("description", "Antrag auf Ersterteilung einer Fahrerlaubnis bei der Fahrerlaubnisbehörde."),
                Map.entry("keywords", List.of("Fahrerlaubnis", "Führerschein")),
                Map.entry("leikaKeys", List.of("99023001012000")),
                Map.entry("ozgId", "10169"),
                Map.entry("themenfeld", "mobilitaet-reisen"),
                Map.entry("leadLand", "06"),
                Map.entry("availableIn", List.of()),
                Map.entry("reuseModels", List.of("EFA_MARKTPLATZ")),
                Map.entry("languages", List.of("de")),
                Map.entry("accessibility", Map.of("bitvStatement", "https://akdb.example/barrierefreiheit",
                        "feedbackMechanism", "barrierefreiheit@akdb.example")),
                Map.entry("plans", List.of(
                        Map.of("id", "standard", "name", "Standard", "description", "Betrieb als SaaS",
                                "pricing", pricing, "parameters", PARAMETERS),
                        Map.of("id", "standard-fails", "name", "Standard (scheitert)",
                                "description", "Der Demo-Broker lässt diesen Plan scheitern",
                                "pricing", pricing, "parameters", PARAMETERS))));
    }

    /** The same service, reused only by Interessenbekundung, offer and Nachnutzungsvertrag. */
    static Map<String, Object> withInterestPlan(String slug) {
        Map<String, Object> service = new HashMap<>(fuehrerschein(slug));
        service.put("name", "Digitaler Bauantrag");
        service.put("plans", List.of(Map.of("id", "nachnutzung", "name", "Nachnutzung",
                "description", "Nach Interessenbekundung und Angebot", "parameters", PARAMETERS,
                "pricing", Map.of("setupFeeCents", 250000, "annualBaseCents", 600000, "annualPerInhabitantCents", 0),
                "contract", Map.of("model", "INTEREST", "terms", Map.of("version", TERMS_VERSION,
                        "url", "https://akdb.example/nachnutzungsvertrag-" + TERMS_VERSION + ".html",
                        "sha256", "5d41402abc4b2a76b9719d911017c592".repeat(2))))));
        return service;
    }

    /**
     * The same service with plans a subscription may move between: standard, komfort (dearer per inhabitant) and
     * komfort-fails, which the demo broker fails to apply.
     */
    static Map<String, Object> updatable(String slug) {
        Map<String, Object> service = new HashMap<>(fuehrerschein(slug));
        Map<String, Object> komfort = Map.of("setupFeeCents", 50000, "annualBaseCents", 150000,
                "annualPerInhabitantCents", 3);
        service.put("plans", List.of(
                updatablePlan("standard", "Standard", Map.of("setupFeeCents", 50000, "annualBaseCents", 120000,
                        "annualPerInhabitantCents", 2)),
                updatablePlan("komfort", "Komfort", komfort),
                updatablePlan("komfort-fails", "Komfort (scheitert)", komfort)));
        return service;
    }

    private static Map<String, Object> updatablePlan(String id, String name, Map<String, Object> pricing) {
        return Map.of("id", id, "name", name, "description", "Betrieb als SaaS; ein Wechsel ist jederzeit möglich",
                "pricing", pricing, "parameters", PARAMETERS, "updatable", true);
    }

    static Map<String, Object> parametersOfHalle() {
        return Map.of("zustaendigeStelle", "Fahrerlaubnisbehörde der Stadt Halle (Saale)");
    }
}
