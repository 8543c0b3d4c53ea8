package de.efa.bench.data;

import java.util.List;
import java.util.Map;

/** The plan every benchmark service offers, and a configuration that satisfies its parameter schema. */
public final class PlanFixture {

    public static final String PLAN_ID = "standard";

    private PlanFixture() {
    }

    public static Map<String, Object> standard() {
        return Map.of("id", PLAN_ID, "name", "Standard", "description", "Betrieb als SaaS mit Support zu Bürozeiten",
                "pricing", Map.of("setupFeeCents", 50000, "annualBaseCents", 120000, "annualPerInhabitantCents", 2),
                "parameters", Map.of("type", "object", "required", List.of("zustaendigeStelle"),
                        "properties", Map.of(
                                "zustaendigeStelle", Map.of("type", "string", "minLength", 3),
                                "postfach", Map.of("type", "string"))));
    }

    /** The configuration a municipality sends when it subscribes. */
    public static Map<String, Object> parametersOf(Gemeinde gemeinde) {
        return Map.of("zustaendigeStelle", "Bürgeramt " + gemeinde.name(), "postfach", gemeinde.contactEmail());
    }
}
