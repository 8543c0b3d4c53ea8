package de.efa.tenant.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchesTest {

    /** A lost connection (08001) and a database shutting down (57P01) go away by themselves. */
    @ParameterizedTest
    @ValueSource(strings = {"08001", "57P01"})
    void aTransientFailureIsWaitedOutAndTheWholeBatchApplied(String sqlState) {
        List<List<String>> applied = new ArrayList<>();
        int[] attempts = {0};
        Batches.apply(List.of("a", "b"), batch -> {
            if (attempts[0]++ == 0) {
                throw new IllegalStateException(new SQLException("the database went away", sqlState));
            }
            applied.add(batch);
        });
        assertThat(applied).containsExactly(List.of("a", "b"));
    }

    @Test
    void aConnectionLostWhileItemsAreAppliedAloneIsWaitedOutInsteadOfSkippingThem() {
        List<String> applied = new ArrayList<>();
        int[] attemptsOfB = {0};
        Batches.apply(List.of("a", "poison", "b"), batch -> {
            if (batch.contains("poison")) {
                throw new IllegalStateException(new SQLException("value too long", "22001"));
            }
            if (batch.equals(List.of("b")) && attemptsOfB[0]++ == 0) {
                throw new IllegalStateException(new SQLException("connection refused", "08001"));
            }
            applied.addAll(batch);
        });
        assertThat(applied).containsExactly("a", "b");
    }

    @Test
    void anItemTheDatabaseRefusesIsSkippedAndTheOthersAreApplied() {
        List<String> applied = new ArrayList<>();
        Batches.apply(List.of("a", "poison", "b"), batch -> {
            if (batch.contains("poison")) {
                throw new IllegalStateException(new SQLException("value too long", "22001"));
            }
            applied.addAll(batch);
        });
        assertThat(applied).containsExactly("a", "b");
    }
}
