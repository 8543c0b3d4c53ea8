package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAction;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.domain.Broker;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.JobStep;
import de.efa.marketplace.domain.Operation;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.support.JobRows;
import de.efa.marketplace.support.OutboxResults;
import de.efa.marketplace.support.OutboxResults.Result;
import de.efa.platform.outbox.EventTooLargeException;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.context.Context;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link StepRecorder} does when a batch of steps fails, against the real database: it stores each step again
 * alone, and a step that started its job is stored then with its start and the start's announcement.
 */
@QuarkusTest
class StepReplayTest {

    private static final String BROKER_URL = "http://localhost:1/brokers/replay";

    @Inject
    JobTransitions transitions;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aStartInABatchThatFailedIsAnnouncedWhenItsStepIsStoredAlone() {
        Instant now = Instant.now();
        UUID startedSubscription = UUID.randomUUID();
        JobTransitions.Step started = firstStep(startedSubscription, now);
        // A reason the outbox refuses, as a broker's unbounded description made one: the batch rolls back.
        JobTransitions.Step refused = firstStep(UUID.randomUUID(), now);
        refused.worked().fail("x".repeat(1_000_000), now);

        assertThatThrownBy(() -> transitions.recordAll(List.of(started, refused)))
                .isInstanceOf(EventTooLargeException.class);
        OutboxResults outbox = new OutboxResults(dataSource);
        assertThat(outbox.results(startedSubscription)).as("rolled back with the batch").isEmpty();

        transitions.record(started);

        List<Result> results = outbox.results(startedSubscription);
        assertThat(results).extracting(Result::type).containsExactly("de.efa.instance.provisioning-started.v1");
        assertThat(results.get(0).field("jobId")).isEqualTo(started.worked().id.toString());
        assertThat(statusOf(started.worked().id)).isEqualTo("IN_PROGRESS");
    }

    /**
     * A PENDING provisioning job of its own subscription, leased to a worker, as the worker has it after its first
     * call: started, answered 500 and postponed for a day, so that no dispatcher takes it.
     */
    private JobTransitions.Step firstStep(UUID subscription, Instant now) {
        UUID serviceId = UUID.randomUUID();
        UUID id = new JobRows(dataSource).insert(subscription, serviceId, BROKER_URL, "PROVISION", "PENDING",
                "standard");
        UUID leaseToken = lease(id);
        ProvisioningJob job = new ProvisioningJob();
        job.id = id;
        job.subscriptionId = subscription;
        job.operation = Operation.PROVISION;
        job.ags = "14713000";
        job.tenantName = "Leipzig, Stadt";
        job.land = "14";
        job.serviceId = serviceId;
        job.planId = "standard";
        job.parameters = "{}";
        job.instanceId = subscription;
        job.status = JobStatus.PENDING;
        job.step = JobStep.SEND;
        job.leaseToken = leaseToken;
        job.start(new Broker("akdb", BROKER_URL), now);
        job.retries = 1;
        job.budgetFrom = now;
        job.postpone(now.plus(Duration.ofDays(1)));
        BrokerAnswer answer = new BrokerAnswer(BrokerAction.PROVISION, UUID.randomUUID(), "PUT",
                BROKER_URL + "/v2/service_instances/" + subscription, "{}", now, 1, 500, "{}", null,
                BrokerAnswer.Failure.NONE, null);
        return new JobTransitions.Step(leaseToken, job, answer, null, Context.root());
    }

    private UUID lease(UUID jobId) {
        UUID leaseToken = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE provisioning_job SET lease_token = ?, lease_until = now() + interval '1 minute' "
                             + "WHERE id = ?")) {
            update.setObject(1, leaseToken);
            update.setObject(2, jobId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("the job could not be leased", e);
        }
        return leaseToken;
    }

    private String statusOf(UUID jobId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status FROM provisioning_job WHERE id = ?")) {
            query.setObject(1, jobId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("the job could not be read", e);
        }
    }
}
