package de.efa.portal.web;

import de.efa.portal.service.AuditTimeline;
import de.efa.portal.service.FormErrors;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The filters of the audit trail as the operator typed them: who acted, what was changed, and the days from and to
 * (both included), which the services take as times.
 */
public record AuditForm(String actor, String target, String from, String to, int page) {

    private static final String PATH = "/betrieb/protokoll";
    /** The days of German municipalities. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /**
     * A date input gives ISO dates; a browser without one leaves the field to German typing. Strict, as a lenient
     * reading would take 31.02. for the last day of February and filter another day than the one typed.
     */
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    public AuditForm {
        actor = Filters.given(actor);
        target = Filters.given(target);
        from = Filters.given(from);
        to = Filters.given(to);
        page = Math.max(0, page);
    }

    /** The filter as the services take it; a day that is none is a message at its input instead. */
    AuditTimeline.Filter filter(FormErrors errors) {
        return new AuditTimeline.Filter(start(from, "from", 0, errors), start(to, "to", 1, errors), actor, target);
    }

    public String pageBase() {
        return Filters.pageBase(PATH, filters());
    }

    /** The link to every entry of one service that these filters match, as CSV. */
    public String csv(String service) {
        return Filters.link(PATH + "/" + service + ".csv", filters());
    }

    private String[] filters() {
        return new String[] {"actor", actor, "target", target, "from", from, "to", to};
    }

    /** The start of the day, or of the day after (so that the day "to" names is included), as a UTC time. */
    private static String start(String day, String field, int daysLater, FormErrors errors) {
        if (day == null) {
            return null;
        }
        try {
            LocalDate date = day.contains(".") ? LocalDate.parse(day, GERMAN_DATE) : LocalDate.parse(day);
            return date.plusDays(daysLater).atStartOfDay(BERLIN).toInstant().toString();
        } catch (DateTimeParseException e) {
            errors.add(field, "Bitte ein Datum angeben, z. B. 01.11.2026.");
            return null;
        }
    }
}
