package de.efa.portal.service;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German wording for who acted and what happened, as the tenant-service writes it in a subscription's history, its
 * contract and its offer ("bundler kisa", "Offered by provider akdb: …", "Update failed, plan standard and its
 * configuration stay: …"). The status beside a history entry already says what happened, so an entry reads "von
 * Bündler kisa: …". The marketplace's reasons, alone or in such a text, read as {@link FailureReasons} words them;
 * what no rule knows (a provider's own words) is shown as written. A plan reads as the caller names it: by its name
 * in the catalog, where the caller has the catalog's names, or else by its id as the history writes it.
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

    private static final List<Rule> RULES = List.of(
            // Before the entries it ends: a resumption that left the instance as unusable as it was.
            Rule.of("(.+); it stays unusable as before the suspension, until another change or a cancellation",
                    (m, plan) -> german(m.group(1), plan) + "; sie bleibt wie vor der Sperre nicht nutzbar, bis eine "
                            + "neue Änderung oder die Kündigung hilft"),
            Rule.of(OPERATION + " started at the provider",
                    m -> OPERATIONS.get(m.group(1)) + " beim Anbieter begonnen"),
            Rule.of(OPERATION + " failed", m -> OPERATIONS.get(m.group(1)) + " gescheitert"),
            Rule.of("Instance (\\S+) provisioned", m -> "Instanz " + m.group(1) + " eingerichtet"),
            Rule.of("Instance (\\S+) deprovisioned", m -> "Instanz " + m.group(1) + " abgebaut"),
            Rule.of("(?:Requested|Interest declared|Offered|Declined|Concluded|Withdrawn|Cancellation requested"
                    + "|Resubmitted) by " + WHO + "(?:: (.*))?",
                    m -> "von " + actor(m.group(1)) + (m.group(2) == null ? "" : ": " + m.group(2))),
            Rule.of("Expired: the offer was not concluded within (\\d+) days",
                    m -> "das Angebot wurde nicht binnen " + m.group(1) + " Tagen angenommen"),
            Rule.of("Expired: the interest was not answered within (\\d+) days",
                    m -> "die Interessenbekundung blieb " + m.group(1) + " Tage unbeantwortet"),
            Rule.of("Update requested by " + WHO + " \\((?:new configuration|plan (\\S+) → (\\S+), (.+?))\\); in "
                            + "effect until the provider confirms: plan (\\S+), .*",
                    (m, plan) -> "von " + actor(m.group(1)) + ": " + (m.group(2) == null ? "neue Konfiguration"
                            : "Plan " + planChange(m.group(2), m.group(3), m.group(4), plan))
                            + "; bis der Anbieter die Änderung umsetzt, gelten Plan " + plan.apply(m.group(5))
                            + ", Konfiguration und Preis wie bisher"),
            Rule.of("Configuration updated at the provider(.*)",
                    (m, plan) -> "Konfiguration beim Anbieter geändert" + reportedPlan(m.group(1), plan)),
            Rule.of("Plan changed at the provider: (\\S+) → (\\S+), (.+?)(; the provider reports plan \\S+)?",
                    (m, plan) -> "Plan beim Anbieter gewechselt: "
                            + planChange(m.group(1), m.group(2), m.group(3), plan) + reportedPlan(m.group(4), plan)),
            Rule.of("Update failed, plan (\\S+) and its configuration stay: (.*)",
                    (m, plan) -> "Änderung gescheitert; Plan " + plan.apply(m.group(1)) + " und seine Konfiguration "
                            + "gelten weiter: " + german(m.group(2), plan)),
            Rule.of("Update failed and left the instance unusable: (.*)",
                    (m, plan) -> "Änderung gescheitert, die Instanz ist nicht mehr nutzbar: "
                            + german(m.group(1), plan)),
            Rule.of("Update failed, the instance stays unusable: (.*)",
                    (m, plan) -> "Änderung gescheitert, die Instanz bleibt nicht nutzbar: " + german(m.group(1), plan)),
            Rule.of("Resumption failed, the instance stays suspended: (.*)",
                    (m, plan) -> "Entsperrung gescheitert, die Instanz bleibt gesperrt: "
                            + german(m.group(1), plan)),
            Rule.of("Suspension requested: tenant suspended by " + WHO,
                    m -> "die Kommune wurde gesperrt, von " + actor(m.group(1))),
            Rule.of("Suspension requested: tenant (\\d+) is suspended", m -> "die Kommune ist gesperrt"),
            Rule.of("Resumption requested: tenant reactivated by " + WHO,
                    m -> "die Kommune wurde wieder freigegeben, von " + actor(m.group(1))),
            Rule.of("Instance (suspended|resumed) at the provider",
                    m -> "Instanz beim Anbieter " + locked(m.group(1))),
            Rule.of("Instance suspended at the provider: it has now confirmed the lock",
                    m -> "Instanz beim Anbieter gesperrt: er hat die Sperre inzwischen bestätigt"),
            Rule.of("Instance (suspended|resumed), but the provider did not confirm it: (.*)",
                    (m, plan) -> "Instanz " + locked(m.group(1)) + ", aber der Anbieter hat es nicht bestätigt: "
                            + (m.group(2).equals("no reason given") ? "kein Grund angegeben"
                            : german(m.group(2), plan))),
            // Entries written before the operator was named have no "(loaded by …)".
            Rule.of("Population (\\d+) → (\\d+)(?: \\(loaded by " + WHO + "\\))?(?:: (.+?))?"
                            + "(?:; the requested plan (\\S+) now costs (.+))?",
                    (m, plan) -> "Einwohnerzahl " + grouped(m.group(1)) + " → " + grouped(m.group(2))
                            + (m.group(3) == null ? "" : ", übernommen von " + actor(m.group(3)))
                            + (m.group(4) == null ? "" : ": " + prices(m.group(4)))
                            + (m.group(5) == null ? "" : "; der beantragte Plan " + plan.apply(m.group(5))
                            + " kostet jetzt " + prices(m.group(6)))));

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

    /** The detail in German, naming plans by their ids: for a caller without the catalog's names. */
    public static String detail(String detail) {
        return german(detail, UnaryOperator.identity());
    }

    /**
     * The detail in German, naming each plan by what {@code planName} gives for its id (its name in the catalog, or
     * its id where the catalog does not know it) in quotes, as a name may have words of its own: Plan „Komfort“.
     */
    public static String detail(String detail, Function<String, String> planName) {
        return german(detail, id -> "„" + planName.apply(id) + "“");
    }

    private static String german(String text, UnaryOperator<String> plan) {
        return text == null ? null : TextRule.german(RULES.stream().map(rule -> rule.naming(plan)).toList(), text)
                .orElseGet(() -> FailureReasons.german(text));
    }

    /** "standard → komfort, 500.00 € setup fee, …" reads "standard → komfort, Einrichtung 500,00 €, …". */
    private static String planChange(String from, String to, String price, UnaryOperator<String> plan) {
        return plan.apply(from) + " → " + plan.apply(to) + ", " + prices(price);
    }

    private static String reportedPlan(String report, UnaryOperator<String> plan) {
        return report == null || report.isEmpty() ? ""
                : "; der Anbieter meldet den Plan " + plan.apply(report.substring(report.lastIndexOf(' ') + 1));
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

    /**
     * A {@link TextRule} whose German may name plans, made for the caller's way of naming them. Its pattern is
     * compiled once; only the German is made per call.
     */
    private record Rule(Pattern pattern, BiFunction<Matcher, UnaryOperator<String>, String> german) {

        static Rule of(String regex, Function<Matcher, String> german) {
            return of(regex, (m, plan) -> german.apply(m));
        }

        static Rule of(String regex, BiFunction<Matcher, UnaryOperator<String>, String> german) {
            return new Rule(TextRule.pattern(regex), german);
        }

        TextRule naming(UnaryOperator<String> plan) {
            return new TextRule(pattern, m -> german.apply(m, plan));
        }
    }
}
