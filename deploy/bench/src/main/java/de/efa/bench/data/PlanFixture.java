package de.efa.bench.data;

import java.util.List;
import java.util.Map;

/**
 * The plans every benchmark service offers — standard, and komfort to change to — and a configuration that
 * satisfies their parameter schema.
 */
public final class PlanFixture {

    public static final String PLAN_ID = "standard";
    public static final String CHANGED_PLAN_ID = "komfort";

    private PlanFixture() {
    }

    /** The standard plan alone, as the generated services of the search benchmark offer it. */
    public static Map<String, Object> standard() {
        return plans().get(0);
    }

    public static List<Map<String, Object>> plans() {
        return List.of(
                plan(PLAN_ID, "Standard", "Betrieb als SaaS mit Support zu Bürozeiten", 120000, 2),
                plan(CHANGED_PLAN_ID, "Komfort", "Betrieb als SaaS mit Support rund um die Uhr", 180000, 3));
    }

    private static Map<String, Object> plan(String id, String name, String description, long annualBase,
                                            long perInhabitant) {
        return Map.of("id", id, "name", name, "description", description, "updatable", true,
                "pricing", Map.of("setupFeeCents", 50000, "annualBaseCents", annualBase,
                        "annualPerInhabitantCents", perInhabitant),
                "parameters", Map.of("type", "object", "required", List.of("zustaendigeStelle"),
                        "properties", Map.of(
                                "zustaendigeStelle", Map.of("type", "string", "minLength", 3),
                                "postfach", Map.of("type", "string"))));
    }

    /** One configuration for every municipality of a rollout: the same for all, as a Land decides it. */
    public static Map<String, Object> commonParameters() {
        return Map.of("zustaendigeStelle", "Bürgeramt der Kommune");
    }

    /** The configuration a municipality sends when it subscribes. */
    public static Map<String, Object> parametersOf(Gemeinde gemeinde) {
        return Map.of("zustaendigeStelle", "Bürgeramt " + gemeinde.name(), "postfach", gemeinde.contactEmail());
    }
}
