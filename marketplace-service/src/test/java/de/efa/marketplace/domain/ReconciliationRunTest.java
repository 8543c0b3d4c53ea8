package de.efa.marketplace.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reconciliation run's life, without a database. */
class ReconciliationRunTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:30:00Z");
    private static final ReconciliationRun.Tally TALLY = new ReconciliationRun.Tally(5, 3, 1, 1, 0, 1, 1,
            "[{\"brokerUrl\":null,\"reason\":\"no broker is known for the service\",\"instances\":1}]");

    @Test
    void aRunningRunBeatsAndFinishesOnceWithWhatItCounted() {
        ReconciliationRun run = ReconciliationRun.start("schedule", NOW);
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.tally().skippedBrokers()).isEqualTo("[]");

        run.beat(NOW.plusSeconds(30));
        run.finish(TALLY, NOW.plusSeconds(41));

        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.finishedAt()).isEqualTo(NOW.plusSeconds(41));
        assertThat(run.tally()).isEqualTo(TALLY);
        assertThatThrownBy(() -> run.beat(NOW.plusSeconds(50))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> run.fail("late", NOW.plusSeconds(50))).isInstanceOf(IllegalStateException.class);
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.failureReason()).isNull();
    }

    @Test
    void aFailedRunKeepsItsReasonAndCountsNothing() {
        ReconciliationRun run = ReconciliationRun.start("operator alice", NOW);

        run.fail("the database is gone", NOW.plusSeconds(2));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo("the database is gone");
        assertThat(run.tally().instances()).isZero();
        assertThatThrownBy(() -> run.finish(TALLY, NOW.plusSeconds(3))).isInstanceOf(IllegalStateException.class);
    }
}
