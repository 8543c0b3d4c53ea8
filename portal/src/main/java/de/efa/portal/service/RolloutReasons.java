package de.efa.portal.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * German wording for why a rollout's item ended as it did, as the tenant-service writes it in English. A SKIPPED
 * item's reason is the {@code detail} of the problem a single subscribe would have answered for that tenant (its
 * {@code SubscriptionService.admit}, the mandate check before it, the outbox's size limit), followed by each field
 * it names ("…: leitwegId is not set for tenant …"); or the worker gave the item up after repeated faults of its own.
 * A FAILED item's reason is its subscription's, which reads as on the subscription's page ({@link HistoryTexts}).
 * AGS, ids and versions stay as written, as does a reason no rule knows. Like the marketplace's reasons, these read
 * after "Grund", so they start in lower case.
 */
public final class RolloutReasons {

    /** What a tenant that cannot subscribe is, after "die Kommune 14729010". */
    private static final Map<String, String> TENANT_STATES = Map.of(
            "PENDING", "wartet noch auf ihre Freigabe durch den Betrieb", "SUSPENDED", "ist gesperrt");
    /** What a service that cannot be subscribed to is, after "die Leistung …". */
    private static final Map<String, String> SERVICE_STATES = Map.of(
            "DRAFT", "ist noch nicht veröffentlicht", "DEPRECATED", "ist abgekündigt", "RETIRED", "ist eingestellt");

    private static final List<TextRule> RULES = List.of(
            TextRule.of("No tenant with AGS (\\S+) is registered",
                    m -> "unter dem Gemeindeschlüssel " + m.group(1) + " ist keine Kommune registriert"),
            TextRule.of("Tenant (\\S+) is (\\w+); only an ACTIVE tenant can subscribe, conclude or change a "
                            + "subscription",
                    m -> "die Kommune " + m.group(1) + " " + TENANT_STATES.getOrDefault(m.group(2),
                            "hat den Status " + m.group(2)) + "; abonnieren kann nur eine freigegebene Kommune"),
            TextRule.of("Tenant (\\S+) already has a live subscription to service (\\S+) \\(one that is not "
                            + "CANCELLED, FAILED, DECLINED, WITHDRAWN or EXPIRED\\)",
                    m -> "die Kommune " + m.group(1) + " hat schon ein Abonnement der Leistung " + m.group(2)
                            + ", das weder gekündigt noch fehlgeschlagen, abgelehnt, zurückgezogen oder abgelaufen ist"),
            // A bundler's rollout reaches only its clients; the mandate is checked as it stands when the worker gets
            // to the tenant.
            TextRule.of("You may act only for your own municipality, or as a bundler for a municipality that gave you "
                            + "a mandate",
                    m -> "die Kommune hat dem Bündler kein Mandat erteilt, oder sie hat es widerrufen"),
            TextRule.of("Terms are accepted only by the municipality itself or a bundler with its mandate; an operator "
                            + "may act for a municipality but never accept terms for it",
                    m -> "Nutzungsbedingungen nimmt nur die Kommune selbst oder ein Bündler mit ihrem Mandat an, nie "
                            + "der Betrieb des Marktplatzes"),
            TextRule.of("No service (\\S+) in the catalog", m -> "die Leistung " + m.group(1) + " steht nicht im Katalog"),
            TextRule.of("Service (\\S+) is (\\w+); only a PUBLISHED service can be subscribed to",
                    m -> "die Leistung " + m.group(1) + " " + SERVICE_STATES.getOrDefault(m.group(2),
                            "hat den Status " + m.group(2)) + "; abonnieren lässt sich nur eine veröffentlichte Leistung"),
            TextRule.of("Service (\\S+) is not offered in (.+)",
                    m -> "die Leistung " + m.group(1) + " wird im Land der Kommune (" + m.group(2)
                            + ") nicht angeboten"),
            TextRule.of("Service (\\S+) has no plan '(.*)': planId is not a plan of this service",
                    m -> "die Leistung " + m.group(1) + " hat keinen Plan „" + m.group(2) + "“ (mehr)"),
            TextRule.of("\\d+ parameter\\(s\\) do not satisfy the plan's schema: (.+)",
                    m -> "die Konfiguration passt nicht zum Schema des Plans: " + violations(m.group(1))),
            TextRule.of("The plan's parameter schema cannot be used; the provider has to fix it",
                    m -> "das Konfigurationsschema des Plans ist nicht verwendbar; der Anbieter muss es berichtigen"),
            TextRule.of("A subscription to a plan with a contract is \\w+ only for a tenant with a Leitweg-ID; .*"
                            + ": leitwegId is not set for tenant (\\S+)",
                    m -> "für einen Plan mit Vertrag braucht die Kommune " + m.group(1) + " eine Leitweg-ID "
                            + "(XRechnung), die unter „Rechnungsadresse“ eingetragen wird"),
            TextRule.of("This plan is reused under terms that must be accepted first: acceptedTerms must accept the "
                            + "plan's terms, version (.+)",
                    m -> "die Nutzungsbedingungen des Plans (Version " + m.group(1) + ") wurden nicht angenommen"),
            TextRule.of("This plan is reused under terms that must be accepted first: acceptedTerms.version is (.+), "
                            + "but the plan's terms are of version (.+)",
                    m -> "angenommen wurden die Nutzungsbedingungen in Version " + m.group(1) + ", inzwischen gilt "
                            + "Version " + m.group(2)),
            TextRule.of("The plan's annual price for (\\d+) inhabitants \\((\\d+) cents and (\\d+) cents per "
                            + "inhabitant\\) is larger than a price can be",
                    m -> "der Jahrespreis des Plans für " + m.group(1) + " Einwohner (" + m.group(2) + " Cent und "
                            + m.group(3) + " Cent je Einwohner) ist größer, als ein Preis sein kann"),
            TextRule.of("The change would be published as a (\\S+) event of (\\d+) bytes; at most (\\d+) bytes are "
                            + "possible",
                    m -> "der Auftrag an den Marktplatz (Ereignis " + m.group(1) + ") wäre " + m.group(2)
                            + " Bytes groß, möglich sind höchstens " + m.group(3) + " Bytes"),
            // The failure's own message is the database's error, which the operator looks up in the log as written.
            TextRule.of("Given up after (\\d+) failed attempts? \\(a fault of tenant-service, not a refusal\\): (.*)",
                    m -> "aufgegeben nach " + FailureReasons.attempts(m.group(1), "gescheiterten ")
                            + " (ein Fehler des tenant-service, keine Ablehnung): " + m.group(2)));

    private RolloutReasons() {
    }

    /** The reason in German; a FAILED item's as its subscription's reads, one no rule knows as written. */
    public static String german(String reason) {
        return reason == null ? null : TextRule.german(RULES, reason).orElseGet(() -> HistoryTexts.detail(reason));
    }

    /** "parameters.plz is required; …", each field as the API names it with its message in German. */
    private static String violations(String joined) {
        return Arrays.stream(joined.split("; "))
                .map(violation -> {
                    int space = violation.indexOf(' ');
                    return space < 0 ? violation : violation.substring(0, space) + ": "
                            + ViolationTexts.german(violation.substring(space + 1));
                })
                .collect(Collectors.joining("; "));
    }
}
