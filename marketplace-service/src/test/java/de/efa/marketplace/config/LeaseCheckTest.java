package de.efa.marketplace.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseCheckTest {

    @Test
    void aLeaseLongerThanTheLongestStepIsAccepted() {
        assertThat(LeaseCheck.problem(Duration.ofSeconds(25), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aLeaseThatCouldRunOutDuringACallStopsTheStart() {
        assertThat(LeaseCheck.problem(Duration.ofSeconds(21), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5))).get().asString()
                .isEqualTo("efa.provisioning.lease (PT21S) must be longer than the longest step of a job: "
                        + "token-timeout (PT5S) + broker-busy-wait (PT1S) + request-timeout (PT10S) + lease-margin (PT5S) "
                        + "= PT21S");
    }
}
