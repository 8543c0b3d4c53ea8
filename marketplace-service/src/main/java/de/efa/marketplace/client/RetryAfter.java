package de.efa.marketplace.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The {@code Retry-After} header (RFC 9110): delay seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay asked for, or null when there is no usable header. */
    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
