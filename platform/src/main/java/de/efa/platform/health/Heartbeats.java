package de.efa.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every background loop of the service with its heartbeat; the liveness check reads them. */
@ApplicationScoped
public class Heartbeats {

    private final Duration maxSilence;
    private final List<Heartbeat> all = new CopyOnWriteArrayList<>();

    public Heartbeats(@ConfigProperty(name = "efa.liveness.max-silence", defaultValue = "2m") Duration maxSilence) {
        this.maxSilence = maxSilence;
    }

    /** A loop that passes all the time: it must beat at least every {@code efa.liveness.max-silence}. */
    public Heartbeat loop(String name) {
        return register(new Heartbeat(name, maxSilence, true));
    }

    /** A loop that works now and then, expected to beat only while {@link Heartbeat#busy()}. */
    public Heartbeat worker(String name) {
        return register(new Heartbeat(name, maxSilence, false));
    }

    public List<Heartbeat> all() {
        return List.copyOf(all);
    }

    private Heartbeat register(Heartbeat heartbeat) {
        all.add(heartbeat);
        return heartbeat;
    }
}
