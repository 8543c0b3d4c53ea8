package de.efa.demoprovider;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static de.efa.demoprovider.BrokerCalls.lastOperation;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The completion worker keeps nothing in memory: operations that a previous run of the provider started, and left
 * in progress when it stopped, are finished from the database alone.
 */
@QuarkusTest
class CompletionAfterRestartTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOperationLeftInProgressByAPreviousRunIsFinished() {
        Rows rows = new Rows(dataSource);
        String id = newInstanceId();
        UUID operation = UUID.randomUUID();
        Instant before = Instant.now().minus(Duration.ofMinutes(5));
        rows.insertRunningProvisioning(BrokerCalls.PROVIDER, id, operation, before, before.plusSeconds(1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(rows.instanceState(id)).contains("PROVISIONED"));
        lastOperation(id, operation.toString()).statusCode(200).body("state", equalTo("succeeded"));
    }

    @Test
    void anOperationNotYetDueKeepsRunning() throws InterruptedException {
        Rows rows = new Rows(dataSource);
        String id = newInstanceId();
        UUID operation = UUID.randomUUID();
        rows.insertRunningProvisioning(BrokerCalls.PROVIDER, id, operation, Instant.now(),
                Instant.now().plus(Duration.ofHours(1)));

        // Several runs of the worker (every second) pass; none may end an operation before its time.
        Thread.sleep(2500);

        assertThat(rows.instanceState(id)).contains("PROVISIONING");
        lastOperation(id, operation.toString()).statusCode(200).body("state", equalTo("in progress"));
    }
}
