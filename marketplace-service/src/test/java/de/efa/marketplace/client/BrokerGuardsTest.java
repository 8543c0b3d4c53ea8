package de.efa.marketplace.client;

import de.efa.marketplace.client.BrokerAnswer.Failure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts against a broker in its circuit (the test profile's: opens once its last 4 calls all failed): an answer
 * by which the broker failed does, a refusal or a busy instance does not.
 */
@QuarkusTest
class BrokerGuardsTest {

    @Inject
    BrokerGuards guards;

    @ConfigProperty(name = "efa.provisioning.circuit-breaker.request-volume")
    int requestVolume;

    /** A 408 is the broker saying it ran out of time: counted as a 5xx and a call of ours that times out are. */
    @ParameterizedTest
    @ValueSource(ints = {503, 500, 408})
    void aBrokerThatKeepsFailingIsShortCircuited(int status) {
        String broker = "https://failing-" + UUID.randomUUID() + ".example";
        AtomicInteger made = new AtomicInteger();

        for (int call = 0; call < requestVolume; call++) {
            assertThat(callAnswering(broker, status, made).status()).isEqualTo(status);
        }
        BrokerAnswer turnedAway = callAnswering(broker, status, made);

        assertThat(made).hasValue(requestVolume);
        assertThat(turnedAway.failure()).isEqualTo(Failure.CIRCUIT_OPEN);
        assertThat(turnedAway.failureDetail()).contains("(the last: the broker answered " + status + ": ");
    }

    /**
     * A refusal, any 4xx but 408, is the broker working; so is a 422 {@code ConcurrencyError}, which the guards do not
     * tell from another 422, as they read no body.
     */
    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422})
    void refusalsDoNotShortCircuitABroker(int status) {
        String broker = "https://refusing-" + UUID.randomUUID() + ".example";
        AtomicInteger made = new AtomicInteger();

        for (int call = 0; call <= requestVolume; call++) {
            assertThat(callAnswering(broker, status, made).status()).isEqualTo(status);
        }

        assertThat(made).hasValue(requestVolume + 1);
    }

    @Test
    void aTimeoutCountsAsAFailure() {
        String broker = "https://hanging-" + UUID.randomUUID() + ".example";
        for (int call = 0; call < requestVolume; call++) {
            guards.call(broker, () -> answer(null, Failure.TIMEOUT), BrokerGuardsTest::refusal);
        }

        BrokerAnswer turnedAway = guards.call(broker, () -> answer(200, Failure.NONE), BrokerGuardsTest::refusal);

        assertThat(turnedAway.failure()).isEqualTo(Failure.CIRCUIT_OPEN);
    }

    private BrokerAnswer callAnswering(String broker, int status, AtomicInteger made) {
        return guards.call(broker, () -> {
            made.incrementAndGet();
            return answer(status, Failure.NONE);
        }, BrokerGuardsTest::refusal);
    }

    private static BrokerAnswer answer(Integer status, Failure failure) {
        return new BrokerAnswer(BrokerAction.PROVISION, UUID.randomUUID(), "PUT", "https://broker.example", null,
                Instant.now(), 5, status, status == null ? null : "{}", null, failure,
                status == null ? "no answer within the deadline" : null);
    }

    private static BrokerAnswer refusal(Failure failure, String detail) {
        return new BrokerAnswer(BrokerAction.PROVISION, UUID.randomUUID(), "PUT", "https://broker.example", null,
                Instant.now(), 0, null, null, null, failure, detail);
    }
}
