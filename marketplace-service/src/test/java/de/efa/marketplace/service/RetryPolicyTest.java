package de.efa.marketplace.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @Test
    void doublesEachRetryUpToTheCapWithJitterBetweenHalfAndAll() {
        RetryPolicy most = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 1.0);
        RetryPolicy least = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.0);
        assertThat(most.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(most.delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(most.delay(10)).isEqualTo(Duration.ofMillis(1000));
        assertThat(least.delay(3)).isEqualTo(Duration.ofMillis(200));
    }
}
