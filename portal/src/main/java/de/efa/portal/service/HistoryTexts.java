package de.efa.portal.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German wording for who acted, as the tenant-service names it in a subscription's history, its contract and its
 * offer ("bundler kisa", "Offered by provider akdb: …"). The status beside a history entry already says what
 * happened, so an entry reads "von Bündler kisa: …". What no rule knows (a provider's failure reason) is shown as
 * written.
 */
public final class HistoryTexts {

    private static final Pattern ACTOR = Pattern.compile("(municipality|bundler|provider|operator) (\\S+)");
    private static final Pattern BY = Pattern.compile(
            "(?:Requested|Interest declared|Offered|Declined|Concluded|Withdrawn|Cancellation requested|Resubmitted) by "
                    + "((?:municipality|bundler|provider|operator) \\S+)(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern EXPIRED = Pattern.compile(
            "Expired: the (offer|interest) was not (?:concluded|answered) within (\\d+) days");

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
        if (detail == null) {
            return null;
        }
        Matcher by = BY.matcher(detail);
        if (by.matches()) {
            return "von " + actor(by.group(1)) + (by.group(2) == null ? "" : ": " + by.group(2));
        }
        Matcher expired = EXPIRED.matcher(detail);
        if (expired.matches()) {
            String days = expired.group(2);
            return expired.group(1).equals("offer") ? "das Angebot wurde nicht binnen " + days + " Tagen angenommen"
                    : "die Interessenbekundung blieb " + days + " Tage unbeantwortet";
        }
        return detail;
    }
}
