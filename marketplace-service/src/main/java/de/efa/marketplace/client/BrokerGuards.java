package de.efa.marketplace.client;

import de.efa.marketplace.client.BrokerAnswer.Failure;
import de.efa.marketplace.config.ProvisioningConfig;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A bulkhead and a circuit breaker per broker, so that one slow or failing broker never holds up the others: at most
 * {@code broker-concurrency} workers are inside calls to one broker, and a broker whose calls failed or timed out
 * repeatedly is not called for a while (SmallRye Fault Tolerance). A worker finding every place taken waits up to
 * {@code broker-busy-wait} for one: in a national rollout thousands of jobs of one broker are due at once, and
 * turning them away at once sent each through the database several times before its call. The bulkhead comes first,
 * so that a call it turns away never counts in the circuit; the circuit counts timeouts, broken connections, failed
 * connections, a host that does not resolve (in time), 408 and 5xx as failures, any other answer as a success. The
 * guards of the brokers unused the longest are dropped beyond {@code broker-guards}.
 */
@ApplicationScoped
public class BrokerGuards {

    private static final Logger LOG = Logger.getLogger(BrokerGuards.class);

    private final ProvisioningConfig config;
    private final Map<String, Guards> byBroker;

    public BrokerGuards(ProvisioningConfig config) {
        this.config = config;
        int limit = config.brokerGuards();
        this.byBroker = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Guards> eldest) {
                return size() > limit;
            }
        };
    }

    /**
     * {@code places}: the bulkhead, a fair semaphore so that waiting workers take turns; {@code lastFailure}: how the
     * broker's last failed call went, for the jobs its open circuit turns away.
     */
    private record Guards(Semaphore places, Guard circuit, AtomicReference<String> lastFailure) {
    }

    /** Carries a failed call's answer through the circuit breaker, which counts it. */
    private static final class FailedCall extends RuntimeException {
        private final transient BrokerAnswer answer;

        FailedCall(BrokerAnswer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    /**
     * Makes {@code call} to {@code broker} inside its guards; when they turn it away, {@code refused} says so with
     * {@link Failure#BROKER_BUSY} or {@link Failure#CIRCUIT_OPEN} and why.
     */
    public BrokerAnswer call(String broker, Supplier<BrokerAnswer> call,
                             BiFunction<Failure, String, BrokerAnswer> refused) {
        Guards guards = guardsOf(broker);
        if (!enter(guards.places())) {
            return refused.apply(Failure.BROKER_BUSY,
                    "every place of this broker is taken by other calls; the job waits its turn");
        }
        try {
            return guards.circuit().call(() -> {
                BrokerAnswer answer = call.get();
                if (answer.brokerFailed()) {
                    guards.lastFailure().set(answer.answered()
                            ? "the broker answered " + answer.status() + ": " + BrokerText.cut(answer.body(), 200)
                            : answer.failureDetail());
                    throw new FailedCall(answer);
                }
                return answer;
            }, BrokerAnswer.class);
        } catch (FailedCall failed) {
            return failed.answer;
        } catch (CircuitBreakerOpenException open) {
            return refused.apply(Failure.CIRCUIT_OPEN, "the broker is short-circuited after repeated failures (the "
                    + "last: " + guards.lastFailure().get() + "); the job waits for it");
        } catch (Exception e) {
            throw new IllegalStateException("the call to the broker " + broker + " failed unexpectedly", e);
        } finally {
            guards.places().release();
        }
    }

    private boolean enter(Semaphore places) {
        try {
            return places.tryAcquire(config.brokerBusyWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Guards guardsOf(String broker) {
        return byBroker.computeIfAbsent(broker, this::newGuards);
    }

    private Guards newGuards(String broker) {
        ProvisioningConfig.CircuitBreaker circuit = config.circuitBreaker();
        Guard breaker = Guard.create().withDescription("broker " + broker)
                .withCircuitBreaker()
                .requestVolumeThreshold(circuit.requestVolume())
                .failureRatio(circuit.failureRatio())
                .delay(circuit.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .when(FailedCall.class::isInstance)
                .onStateChange(state -> LOG.infof("the circuit of the broker %s is %s", broker, state))
                .done().build();
        return new Guards(new Semaphore(config.brokerConcurrency(), true), breaker, new AtomicReference<>());
    }
}
