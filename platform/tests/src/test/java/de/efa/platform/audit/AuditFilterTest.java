package de.efa.platform.audit;

import de.efa.platform.problem.Violation;
import de.efa.platform.problem.Violations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFilterTest {

    @Test
    void nothing_given_is_everything() {
        Violations violations = new Violations();
        assertThat(AuditFilter.of(null, " ", "", null, violations)).isEqualTo(new AuditFilter(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void times_take_any_offset_and_compare_as_instants() {
        Violations violations = new Violations();
        AuditFilter filter = AuditFilter.of("2026-11-26T11:00:00+01:00", "2026-11-26T10:00:00Z", null, null,
                violations);
        assertThat(filter.from()).contains(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(filter.to()).contains(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(violations.isEmpty()).as("from equal to to is an empty range, not an error").isTrue();
    }

    @Test
    void a_time_that_is_none_and_from_after_to_are_named() {
        Violations both = new Violations();
        AuditFilter.of("yesterday", "2026-11-26", null, null, both);
        assertThat(both.list()).extracting(Violation::field).containsExactly("from", "to");

        Violations reversed = new Violations();
        AuditFilter.of("2026-11-27T00:00:00Z", "2026-11-26T00:00:00Z", null, null, reversed);
        assertThat(reversed.list()).containsExactly(new Violation("from", "must not be after to"));
    }

    @Test
    void a_time_outside_the_years_1_to_9999_is_named_with_the_range() {
        Violations violations = new Violations();
        AuditFilter.of("+999999999-12-31T23:59:59-18:00", "0000-06-01T00:00:00Z", null, null, violations);
        assertThat(violations.list()).containsExactly(
                new Violation("from", "must be a time in the years 1 to 9999 (UTC)"),
                new Violation("to", "must be a time in the years 1 to 9999 (UTC)"));
    }

    @Test
    void a_target_is_a_type_or_a_type_and_an_id() {
        Violations violations = new Violations();
        AuditFilter type = AuditFilter.of(null, null, null, "service", violations);
        assertThat(type.targetType()).contains("service");
        assertThat(type.targetId()).isEmpty();

        AuditFilter exact = AuditFilter.of(null, null, "operator", "outgoing-event:a:b", violations);
        assertThat(exact.targetType()).contains("outgoing-event");
        assertThat(exact.targetId()).contains("a:b");
        assertThat(exact.actor()).contains("operator");
        assertThat(violations.isEmpty()).isTrue();

        for (String wrong : new String[] {"Service", "service:", ":id", "two words"}) {
            Violations refused = new Violations();
            assertThat(AuditFilter.of(null, null, null, wrong, refused).targetType()).isEqualTo(Optional.empty());
            assertThat(refused.list()).as(wrong).extracting(Violation::field).containsExactly("target");
        }
    }
}
