package de.efa.portal.service;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German wording for who acted and what happened, as the tenant-service writes it in a subscription's history, its
 * contract and its offer ("bundler kisa", "Offered by provider akdb: …", "Update failed, plan standard and its
 * configuration stay: …"). The status beside a history entry already says what happened, so an entry reads "von
 * Bündler kisa: …". The marketplace's reasons, alone or in such a text, read as {@link FailureReasons} words them;
 * what no rule knows (a provider's own words) is shown as written.
 */
public final class HistoryTexts {

    private static final Pattern ACTOR = Pattern.compile("(municipality|bundler|provider|operator) (\\S+)");
    private static final String WHO = "((?:municipality|bundler|provider|operator) \\S+)";
    /** A price as the history writes it: "500.00 € setup fee, 1,220.00 € a year". */
    private static final Pattern PRICE = Pattern.compile("([\\d,]+\\.\\d\\d) € setup fee, ([\\d,]+\\.\\d\\d) € a year");
    private static final String OPERATION = "(PROVISION|DEPROVISION|UPDATE|SUSPEND|RESUME)";
    /** What the provider is asked to do, as a noun: "Einrichtung beim Anbieter begonnen". */
    private static final Map<String, String> OPERATIONS = Map.of("PROVISION", "Einrichtung", "DEPROVISION", "Abbau",
            "UPDATE", "Änderung", "SUSPEND", "Sperre", "RESUME", "Entsperrung");

    private static final List<TextRule> RULES = List.of(
            // Before the entries it ends: a resumption that left the instance as unusable as it was.
            TextRule.of("(.+); it stays unusable as before the suspension, until another change or a cancellation",
                    m -> detail(m.group(1)) + "; sie bleibt wie vor der Sperre nicht nutzbar, bis eine neue Änderung "
                            + "oder die Kündigung hilft"),
            TextRule.of(OPERATION + " started at the provider",
                    m -> OPERATIONS.get(m.group(1)) + " beim Anbieter begonnen"),
            TextRule.of(OPERATION + " failed", m -> OPERATIONS.get(m.group(1)) + " gescheitert"),
            TextRule.of("Instance (\\S+) provisioned", m -> "Instanz " + m.group(1) + " eingerichtet"),
            TextRule.of("Instance (\\S+) deprovisioned", m -> "Instanz " + m.group(1) + " abgebaut"),
            TextRule.of("(?:Requested|Interest declared|Offered|Declined|Concluded|Withdrawn|Cancellation requested"
                    + "|Resubmitted) by " + WHO + "(?:: (.*))?",
                    m -> "von " + actor(m.group(1)) + (m.group(2) == null ? "" : ": " + m.group(2))),
            TextRule.of("Expired: the offer was not concluded within (\\d+) days",
                    m -> "das Angebot wurde nicht binnen " + m.group(1) + " Tagen angenommen"),
            TextRule.of("Expired: the interest was not answered within (\\d+) days",
                    m -> "die Interessenbekundung blieb " + m.group(1) + " Tage unbeantwortet"),
            TextRule.of("Update requested by " + WHO + " \\((new configuration|plan .+?)\\); in effect until the "
                            + "provider confirms: plan (\\S+), .*",
                    m -> "von " + actor(m.group(1)) + ": " + change(m.group(2)) + "; bis der Anbieter die Änderung "
                            + "umsetzt, gelten Plan " + m.group(3) + ", Konfiguration und Preis wie bisher"),
            TextRule.of("Configuration updated at the provider(.*)",
                    m -> "Konfiguration beim Anbieter geändert" + reportedPlan(m.group(1))),
            TextRule.of("Plan changed at the provider: (.+?)(; the provider reports plan \\S+)?",
                    m -> "Plan beim Anbieter gewechselt: " + prices(m.group(1)) + reportedPlan(m.group(2))),
            TextRule.of("Update failed, plan (\\S+) and its configuration stay: (.*)",
                    m -> "Änderung gescheitert; Plan " + m.group(1) + " und seine Konfiguration gelten weiter: "
                            + detail(m.group(2))),
            TextRule.of("Update failed and left the instance unusable: (.*)",
                    m -> "Änderung gescheitert, die Instanz ist nicht mehr nutzbar: " + detail(m.group(1))),
            TextRule.of("Update failed, the instance stays unusable: (.*)",
                    m -> "Änderung gescheitert, die Instanz bleibt nicht nutzbar: " + detail(m.group(1))),
            TextRule.of("Resumption failed, the instance stays suspended: (.*)",
                    m -> "Entsperrung gescheitert, die Instanz bleibt gesperrt: " + detail(m.group(1))),
            TextRule.of("Suspension requested: tenant suspended by " + WHO,
                    m -> "die Kommune wurde gesperrt, von " + actor(m.group(1))),
            TextRule.of("Suspension requested: tenant (\\d+) is suspended", m -> "die Kommune ist gesperrt"),
            TextRule.of("Resumption requested: tenant reactivated by " + WHO,
                    m -> "die Kommune wurde wieder freigegeben, von " + actor(m.group(1))),
            TextRule.of("Instance (suspended|resumed) at the provider",
                    m -> "Instanz beim Anbieter " + locked(m.group(1))),
            TextRule.of("Instance suspended at the provider: it has now confirmed the lock",
                    m -> "Instanz beim Anbieter gesperrt: er hat die Sperre inzwischen bestätigt"),
            TextRule.of("Instance (suspended|resumed), but the provider did not confirm it: (.*)",
                    m -> "Instanz " + locked(m.group(1)) + ", aber der Anbieter hat es nicht bestätigt: "
                            + (m.group(2).equals("no reason given") ? "kein Grund angegeben" : detail(m.group(2)))),
            // Entries written before the operator was named have no "(loaded by …)".
            TextRule.of("Population (\\d+) → (\\d+)(?: \\(loaded by " + WHO + "\\))?(?:: (.+?))?"
                            + "(?:; the requested plan (\\S+) now costs (.+))?",
                    m -> "Einwohnerzahl " + grouped(m.group(1)) + " → " + grouped(m.group(2))
                            + (m.group(3) == null ? "" : ", übernommen von " + actor(m.group(3)))
                            + (m.group(4) == null ? "" : ": " + prices(m.group(4)))
                            + (m.group(5) == null ? "" : "; der beantragte Plan " + m.group(5) + " kostet jetzt "
                            + prices(m.group(6)))));

    private HistoryTexts() {
    }

    /** "bundler kisa" reads "Bündler kisa"; an operator is the marketplace's operations, whoever it was. */
    public static String actor(String actor) {
        Matcher matcher = actor == null ? null : ACTOR.matcher(actor);
        if (matcher == null || !matcher.matches()) {
            return actor;
        }
        return switch (matcher.group(1)) {
            case "municipality" -> "Kommune " + matcher.group(2);
            case "bundler" -> "Bündler " + matcher.group(2);
            case "provider" -> "Anbieter " + matcher.group(2);
            default -> "Betrieb des Marktplatzes";
        };
    }

    public static String detail(String detail) {
        return detail == null ? null : TextRule.german(RULES, detail).orElseGet(() -> FailureReasons.german(detail));
    }

    /** "plan standard → komfort, 500.00 € setup fee, …" reads "Plan standard → komfort, Einrichtung 500,00 €, …". */
    private static String change(String change) {
        return change.equals("new configuration") ? "neue Konfiguration" : "Plan" + prices(change.substring(4));
    }

    private static String reportedPlan(String report) {
        return report == null || report.isEmpty() ? ""
                : "; der Anbieter meldet den Plan " + report.substring(report.lastIndexOf(' ') + 1);
    }

    private static String locked(String done) {
        return done.equals("suspended") ? "gesperrt" : "entsperrt";
    }

    /** Every price in the text in German: "Einrichtung 500,00 €, jährlich 1.220,00 €". */
    private static String prices(String text) {
        return PRICE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "Einrichtung " + amount(m.group(1)) + " €, jährlich " + amount(m.group(2)) + " €"));
    }

    /** "1,220.00" reads "1.220,00". */
    private static String amount(String english) {
        return english.replace(',', ' ').replace('.', ',').replace(' ', '.');
    }

    private static String grouped(String number) {
        return NumberFormat.getIntegerInstance(Locale.GERMANY).format(Long.parseLong(number));
    }
}
