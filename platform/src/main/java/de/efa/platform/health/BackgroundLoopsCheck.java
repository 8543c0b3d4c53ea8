package de.efa.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.time.Duration;

/** Down when a background loop (relay, consumer, dispatcher) has missed its heartbeat: a restart brings it back. */
@Liveness
@ApplicationScoped
public class BackgroundLoopsCheck implements HealthCheck {

    private final Heartbeats heartbeats;

    public BackgroundLoopsCheck(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background loops").up();
        for (Heartbeat heartbeat : heartbeats.all()) {
            Duration overdue = heartbeat.overdue();
            if (overdue.isZero()) {
                response.withData(heartbeat.name(), "beating");
            } else {
                response.down().withData(heartbeat.name(), "silent for " + overdue.toSeconds() + " s");
            }
        }
        return response.build();
    }
}
