package de.efa.marketplace.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseCheckTest {

    @Test
    void aLeaseLongerThanTheLongestStepIsAccepted() {
        assertThat(LeaseCheck.problem(Duration.ofSeconds(25), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aLeaseThatCouldRunOutDuringACallStopsTheStart() {
        assertThat(LeaseCheck.problem(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(5))).get().asString()
                .isEqualTo("efa.provisioning.lease (PT20S) must be longer than the longest step of a job: "
                        + "token-timeout (PT5S) + request-timeout (PT10S) + lease-margin (PT5S) = PT20S");
    }
}
