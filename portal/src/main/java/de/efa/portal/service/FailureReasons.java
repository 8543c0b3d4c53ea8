package de.efa.portal.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * German wording for why a job of the marketplace failed, as the marketplace-service writes it in English (its
 * {@code StepDecider}, {@code JobDriver}, {@code BrokerCatalogs} and its OSB client): "the broker answered 500",
 * "… (gave up after 3 failed attempts in PT30S, retry budget PT30S)"; and why its reconciliation ({@code Reconciler})
 * left a broker out or failed, which are reasons of the same calls. The reasons nest (a reason given up on, a
 * cleanup that failed after a reason), so a rule puts the reason it wraps into German too. What the broker said
 * itself (its error and description) stays as it said it; a reason no rule knows is shown as written. The reasons read
 * after "Grund: " or after a history entry's status, so they start in lower case.
 */
public final class FailureReasons {

    /**
     * The kinds of address the marketplace keeps brokers away from, as its URL policy names them, in the dative of
     * an apposition: "führt zur Adresse 10.0.0.7, einer privaten Adresse".
     */
    private static final Map<String, String> ADDRESS_KINDS = Map.of("loopback", "einer Loopback-Adresse",
            "metadata", "der Adresse eines Metadatendienstes", "link-local", "einer link-lokalen Adresse",
            "unspecified", "einer unbestimmten Adresse", "private", "einer privaten Adresse");

    private static final List<TextRule> RULES = List.of(
            // Orphan mitigation, after the provisioning failed for the reason it names first.
            TextRule.of("(.+); orphan mitigation did not complete after (\\d+) attempts in (\\S+): (.+)",
                    m -> german(m.group(1)) + "; das Aufräumen (Löschen einer womöglich angelegten Instanz) ist nach "
                            + attempts(m.group(2), "") + " in " + duration(m.group(3)) + " nicht gelungen: "
                            + german(m.group(4))),
            TextRule.of("(.+) \\(gave up after (\\d+) failed attempts? in (\\S+), retry budget (\\S+)\\)",
                    m -> german(m.group(1)) + " (aufgegeben nach " + attempts(m.group(2), "gescheiterten ") + " in "
                            + duration(m.group(3)) + ", Zeitrahmen für Wiederholungen " + duration(m.group(4)) + ")"),
            TextRule.of("(.+) \\(waited (\\d+) s for the catalog\\)",
                    m -> german(m.group(1)) + " (nach " + m.group(2) + " s Warten auf den Katalog)"),
            TextRule.of("provisioning failed", m -> "die Einrichtung ist gescheitert"),
            TextRule.of("the broker reports the operation failed(?:: (.*))?",
                    m -> "der Anbieter meldet, dass der Vorgang gescheitert ist"
                            + (m.group(1) == null ? "" : ": " + m.group(1))),
            TextRule.of("no result from the broker within (\\S+)",
                    m -> "der Anbieter hat binnen " + duration(m.group(1)) + " kein Ergebnis gemeldet"),
            TextRule.of("polling the last operation failed for (\\S+): (.+)",
                    m -> "der Stand des Vorgangs ließ sich " + duration(m.group(1)) + " lang nicht abfragen: "
                            + german(m.group(2))),
            TextRule.of("the broker answered (\\d{3}) with a malformed body",
                    m -> "der Anbieter antwortete mit HTTP " + m.group(1) + ", aber ohne lesbares JSON-Objekt"),
            TextRule.of("the broker answered (\\d{3})(.*)",
                    m -> "der Anbieter antwortete mit HTTP " + m.group(1) + said(m.group(2))),
            TextRule.of("the broker refused the request with (\\d{3})(.*)",
                    m -> "der Anbieter hat die Anfrage mit HTTP " + m.group(1) + " abgelehnt" + said(m.group(2))),
            TextRule.of("the deletion ended as '(.*)'", m -> "das Löschen endete im Stand „" + m.group(1) + "“"),
            TextRule.of("the broker's catalog could not be read: (.+)",
                    m -> "der Katalog des Anbieters ließ sich nicht lesen: " + german(m.group(1))),
            TextRule.of("its answer is no OSB catalog",
                    m -> "seine Antwort ist kein Katalog nach der Open-Service-Broker-Schnittstelle"),
            TextRule.of("the service (\\S+) is not in the catalog",
                    m -> "die Leistung " + m.group(1) + " steht nicht im Katalog des Marktplatzes"),
            TextRule.of("the provider of the service (\\S+) has no broker URL",
                    m -> "der Anbieter der Leistung " + m.group(1) + " hat keine Broker-Adresse"),
            TextRule.of("the service (\\S+) has no plan '(.*)'",
                    m -> "die Leistung " + m.group(1) + " hat keinen Plan „" + m.group(2) + "“"),
            TextRule.of("the broker's catalog does not let the plan '(.*)' change to another "
                            + "\\(plan_updateable is not true\\)",
                    m -> "laut Katalog des Anbieters lässt sich der Plan „" + m.group(1) + "“ nicht wechseln "
                            + "(plan_updateable ist nicht true)"),
            TextRule.of("the broker's catalog does not allow context updates \\(allow_context_updates is not true\\), "
                            + "so the instance cannot be (locked|unlocked) there",
                    m -> "laut Katalog des Anbieters lässt sich die Instanz dort nicht "
                            + (m.group(1).equals("locked") ? "sperren" : "entsperren")
                            + " (allow_context_updates ist nicht true)"),
            TextRule.of("could not connect to the broker: (.+)",
                    m -> "keine Verbindung zum Anbieter: " + m.group(1)),
            TextRule.of("the connection to the broker broke: (.+)",
                    m -> "die Verbindung zum Anbieter brach ab: " + m.group(1)),
            TextRule.of("no complete answer within (\\d+) ms",
                    m -> "keine vollständige Antwort des Anbieters binnen " + m.group(1) + " ms"),
            TextRule.of("interrupted while waiting", m -> "das Warten auf die Antwort des Anbieters wurde unterbrochen"),
            TextRule.of("answer larger than (\\d+) (MiB|bytes) \\(HTTP (\\d{3})\\): reading stopped there",
                    m -> "die Antwort des Anbieters (HTTP " + m.group(3) + ") ist größer als " + m.group(1)
                            + (m.group(2).equals("bytes") ? " Bytes" : " MiB") + "; sie wurde nicht weiter gelesen"),
            TextRule.of("the broker URL is not usable: (.+)",
                    m -> "die Broker-Adresse ist nicht verwendbar: " + m.group(1)),
            TextRule.of("the broker URL is no URL: (.+)", m -> "die Broker-Adresse ist keine URL: " + m.group(1)),
            TextRule.of("the broker URL (\\S+) is not an absolute URL with a host",
                    m -> "die Broker-Adresse " + m.group(1) + " ist keine absolute URL mit Host"),
            TextRule.of("the broker URL (\\S+) is not https, and its host is not allow-listed",
                    m -> "die Broker-Adresse " + m.group(1) + " ist nicht https, und ihr Host ist nicht freigegeben"),
            TextRule.of("the broker host (\\S+) does not resolve",
                    m -> "der Host " + m.group(1) + " des Brokers lässt sich nicht auflösen"),
            TextRule.of("the broker host (\\S+) did not resolve within (\\d+) ms",
                    m -> "der Host " + m.group(1) + " des Brokers ließ sich nicht binnen " + m.group(2)
                            + " ms auflösen"),
            TextRule.of("the lookup of the broker host (\\S+) was interrupted",
                    m -> "die Namensauflösung des Brokers " + m.group(1) + " wurde unterbrochen"),
            TextRule.of("the broker host (\\S+) resolves to the (\\S+) address (\\S+), and is not allow-listed",
                    m -> "der Host " + m.group(1) + " des Brokers führt zur Adresse " + m.group(3) + ", "
                            + ADDRESS_KINDS.getOrDefault(m.group(2), "einer Adresse der Art " + m.group(2))
                            + ", und ist nicht freigegeben"),
            TextRule.of("no broker is known for the service", m -> "für die Leistung ist kein Broker bekannt"),
            TextRule.of("its catalog does not say instances_retrievable",
                    m -> "laut seinem Katalog lassen sich die Instanzen dort nicht abrufen (instances_retrievable ist "
                            + "nicht true)"),
            TextRule.of("the service stopped while it ran",
                    m -> "der marketplace-service wurde beendet, während der Abgleich lief"),
            TextRule.of("the broker is short-circuited after repeated failures \\(the last: (.*)\\); "
                            + "the job waits for it",
                    m -> "der Marktplatz ruft den Anbieter nach wiederholten Fehlern vorerst nicht auf (zuletzt: "
                            + german(m.group(1)) + ")"));

    private FailureReasons() {
    }

    /** The reason in German; one no rule knows as written. */
    public static String german(String reason) {
        return reason == null ? null : TextRule.german(RULES, reason).orElse(reason);
    }

    /**
     * What the broker said after the status, its error and description (" AsyncRequired: needs async", ": …"), as
     * it said it.
     */
    private static String said(String rest) {
        return rest.isEmpty() ? "" : ": " + rest.replaceFirst("^:? ", "");
    }

    /** "3 Versuchen", "1 Versuch", after "nach". */
    static String attempts(String count, String adjective) {
        return count + " " + adjective + (count.equals("1") ? "Versuch" : "Versuchen");
    }

    /** An ISO-8601 duration as the marketplace writes it ("PT1M30S") reads "1 min 30 s". */
    static String duration(String iso) {
        Duration duration;
        try {
            duration = Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        if (duration.toHours() > 0) {
            parts.add(duration.toHours() + " h");
        }
        if (duration.toMinutesPart() > 0) {
            parts.add(duration.toMinutesPart() + " min");
        }
        if (duration.toSecondsPart() > 0 || duration.toMillisPart() > 0 || parts.isEmpty()) {
            String millis = duration.toMillisPart() == 0 ? ""
                    : "," + String.format("%03d", duration.toMillisPart()).replaceFirst("0+$", "");
            parts.add(duration.toSecondsPart() + millis + " s");
        }
        return String.join(" ", parts);
    }
}
