package de.efa.demoprovider.service;

import de.efa.demoprovider.domain.BrokerBehaviour;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Draws, for each broker call, whether it fails, is slow, or goes through as it should. */
@ApplicationScoped
public class FaultInjector {

    private final BehaviourSettings settings;
    private final Counter errors;
    private final Counter delays;

    public FaultInjector(BehaviourSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.errors = registry.counter("demo.provider.injected.faults", "fault", "error");
        this.delays = registry.counter("demo.provider.injected.faults", "fault", "slow");
    }

    public Fault next() {
        BrokerBehaviour behaviour = settings.current();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < behaviour.errorRate()) {
            errors.increment();
            return Fault.ERROR;
        }
        if (random.nextDouble() < behaviour.slowRate()) {
            delays.increment();
            return Fault.slow(behaviour.slowDelay());
        }
        return Fault.NONE;
    }

    /** What happens to one call: nothing, a 500 before any change, or a delay before it is served. */
    public record Fault(Kind kind, Duration delay) {

        public static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO);
        public static final Fault ERROR = new Fault(Kind.ERROR, Duration.ZERO);

        static Fault slow(Duration delay) {
            return new Fault(Kind.SLOW, delay);
        }

        public enum Kind { NONE, ERROR, SLOW }
    }
}
