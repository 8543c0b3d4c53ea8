package de.efa.platform.inbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTest {

    @ParameterizedTest
    @CsvSource({
            "22021, BAD_DATA", "22P05, BAD_DATA", "23502, BAD_DATA", "23505, BAD_DATA", "54000, BAD_DATA",
            "08006, TRANSIENT", "57P01, TRANSIENT", "57014, TRANSIENT", "40P01, TRANSIENT", "53300, TRANSIENT"})
    void the_sqlstate_decides(String state, FailureKind kind) {
        RuntimeException failure = new IllegalStateException("wrapped", new SQLException("x", state));

        assertThat(FailureKind.of(failure, Set.of())).isEqualTo(kind);
    }

    @Test
    void a_failure_without_sqlstate_such_as_no_connection_from_the_pool_is_retried() {
        assertThat(FailureKind.of(new IllegalStateException(new SQLException("Sorry, acquisition timeout!")), Set.of()))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new NullPointerException(), Set.of())).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void a_rejected_event_is_bad_data() {
        assertThat(FailureKind.of(new RejectedEventException("never"), Set.of())).isEqualTo(FailureKind.BAD_DATA);
    }
}
