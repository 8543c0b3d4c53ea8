package de.efa.marketplace.domain;

import de.efa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resolving a finding, without a database. */
class FindingTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void aFindingIsResolvedOnceWithWhoAndWhy() {
        Finding finding = Finding.open(FindingKind.PLAN_DIFFERS, UUID.randomUUID(), "http://b", "{}",
                NOW.minusSeconds(60));
        assertThat(finding.resolvedAt()).isNull();

        finding.resolve("operator alice", "plan corrected at the provider", NOW);

        assertThat(finding.resolvedAt()).isEqualTo(NOW);
        assertThat(finding.resolvedBy()).isEqualTo("operator alice");
        assertThat(finding.note()).isEqualTo("plan corrected at the provider");
        assertThatThrownBy(() -> finding.resolve("operator bob", "again", NOW.plusSeconds(1)))
                .isInstanceOf(ProblemException.class)
                .hasMessage("Finding " + finding.id() + " was resolved already, at " + NOW + " by operator alice");
        assertThat(finding.resolvedBy()).isEqualTo("operator alice");
        assertThat(finding.note()).isEqualTo("plan corrected at the provider");
    }
}
