package de.efa.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.portal.service.Euro;
import de.efa.portal.service.FormErrors;
import io.quarkus.qute.TemplateExtension;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write money and times: German notation, in the time zone of German municipalities. */
@TemplateExtension
public final class Formats {

    private static final Locale GERMAN = Locale.GERMANY;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm:ss 'Uhr'", GERMAN)
            .withZone(ZoneId.of("Europe/Berlin"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", GERMAN);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", GERMAN)
            .withZone(ZoneId.of("Europe/Berlin"));

    private Formats() {
    }

    /** Cents as euros: {@code 123456} reads "1.234,56 €". */
    static String euro(Long cents) {
        return cents == null ? "–" : Euro.format(cents) + " €";
    }

    /** Fractions of a cent matter for a per-inhabitant rate: {@code 2} reads "0,02 €". */
    static String perInhabitant(Long cents) {
        return cents == null ? "–" : euro(cents) + " je Einwohnerin und Einwohner";
    }

    /** The id of the input for a field, as the error summary links to it. */
    static String anchor(String field) {
        return FormErrors.anchor(field);
    }

    static String german(Instant at) {
        return at == null ? "–" : DATE_TIME.format(at);
    }

    /** The time of day without the day: "04:05". */
    static String clock(Instant at) {
        return at == null ? "–" : CLOCK.format(at);
    }

    /** A day without a time: "01.01.2027". */
    static String germanDate(LocalDate day) {
        return day == null ? "–" : DATE.format(day);
    }

    static String grouped(Long number) {
        return number == null ? "–" : NumberFormat.getIntegerInstance(GERMAN).format(number);
    }

    /** JSON as a person reads it: indented, one property a line. */
    static String pretty(JsonNode json) {
        return json == null ? "–" : json.toPrettyString();
    }

    static String seconds(Long millis) {
        return millis == null ? "–" : String.format(GERMAN, "%.1f s", millis / 1000.0);
    }
}
