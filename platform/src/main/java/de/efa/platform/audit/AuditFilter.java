package de.efa.platform.audit;

import de.efa.platform.problem.Violations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which entries an operator asks for: from (inclusive) and to (exclusive) as ISO-8601 times with an offset, the
 * actor exactly, and the target either exactly ({@code service:5d1c…}) or by its type alone ({@code service}).
 */
public record AuditFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> actor,
                          Optional<String> targetType, Optional<String> targetId) {

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    /** The filter the query names; what it cannot read is added to {@code violations}, naming the parameter. */
    public static AuditFilter of(String from, String to, String actor, String target, Violations violations) {
        Optional<Instant> since = time("from", from, violations);
        Optional<Instant> until = time("to", to, violations);
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            violations.add("from", "must not be after to");
        }
        Optional<String> targetType = Optional.empty();
        Optional<String> targetId = Optional.empty();
        Optional<String> targetText = given(target);
        if (targetText.isPresent() && AuditRef.isType(targetText.get())) {
            targetType = targetText;
        } else if (targetText.isPresent()) {
            AuditRef ref = violations.parse("target", () -> ref(targetText.get()));
            targetType = Optional.ofNullable(ref).map(AuditRef::type);
            targetId = Optional.ofNullable(ref).map(AuditRef::id);
        }
        Optional<String> actorId = given(actor).map(id -> violations.parse("actor", () -> printable(id)));
        return new AuditFilter(since, until, actorId, targetType, targetId);
    }

    private static String printable(String id) {
        if (AuditRef.hasControlCharacters(id)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        return id;
    }

    private static Optional<Instant> time(String field, String text, Violations violations) {
        return given(text).map(value -> violations.parse(field, () -> {
            Instant time;
            try {
                time = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be an ISO-8601 time with an offset, e.g. 2026-11-26T10:15:30Z");
            }
            // ISO-8601 takes years PostgreSQL cannot compare with, and times that have no UTC date-time in Java.
            if (time.isBefore(FIRST) || !time.isBefore(AFTER_LAST)) {
                throw new IllegalArgumentException("must be a time in the years 1 to 9999 (UTC)");
            }
            return time;
        }));
    }

    private static AuditRef ref(String text) {
        String printable = printable(text);
        try {
            return AuditRef.parse(printable);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a type (service) or type:id (service:5d1c7f0e-…)");
        }
    }

    private static Optional<String> given(String text) {
        return Optional.ofNullable(text).filter(value -> !value.isBlank());
    }
}
