package de.efa.tenant.messaging;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchesTest {

    @Test
    void aLostConnectionIsWaitedOutAndTheWholeBatchApplied() {
        List<List<String>> applied = new ArrayList<>();
        int[] attempts = {0};
        Batches.apply(List.of("a", "b"), batch -> {
            if (attempts[0]++ == 0) {
                throw new IllegalStateException(new SQLException("connection refused", "08001"));
            }
            applied.add(batch);
        });
        assertThat(applied).containsExactly(List.of("a", "b"));
    }

    @Test
    void aDatabaseShuttingDownIsWaitedOutLikeALostConnection() {
        List<List<String>> applied = new ArrayList<>();
        int[] attempts = {0};
        Batches.apply(List.of("a", "b"), batch -> {
            if (attempts[0]++ == 0) {
                throw new IllegalStateException(
                        new SQLException("terminating connection due to administrator command", "57P01"));
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
