package de.efa.platform.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundLoopsCheckTest {

    @Test
    void a_loop_that_misses_its_heartbeat_fails_liveness_and_an_idle_worker_does_not() throws InterruptedException {
        Heartbeats heartbeats = new Heartbeats(Duration.ofMillis(50));
        Heartbeat relay = heartbeats.loop("outbox-relay");
        Heartbeat consumer = heartbeats.worker("consumer results");
        BackgroundLoopsCheck check = new BackgroundLoopsCheck(heartbeats);

        Thread.sleep(100);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        relay.beat();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        consumer.busy();
        Thread.sleep(100);
        relay.beat();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        consumer.idle();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
