package de.efa.marketplace.service;

import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.repository.JobRepository;
import de.efa.marketplace.support.JobRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs whose conversation with the broker has begun are claimed before jobs still waiting for their first call, however
 * long those have waited. Each test writes its jobs and claims in one transaction that it rolls back: the service's own
 * dispatcher never sees them, and jobs other tests left due are no more than further candidates.
 */
@QuarkusTest
class ClaimOrderTest {

    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobRepository jobs;

    @Inject
    UserTransaction transaction;

    @Test
    void aJobAtTheBrokerIsClaimedBeforeOneThatHasWaitedLonger() throws Exception {
        rolledBack(() -> {
            UUID waiting = due("PENDING", LONG_AGO);
            due("IN_PROGRESS", Instant.now().minusSeconds(1));

            List<ProvisioningJob> claimed = jobs.claimDue(UUID.randomUUID(), Duration.ofSeconds(10), 1);

            assertThat(claimed).hasSize(1);
            assertThat(claimed.get(0).id).isNotEqualTo(waiting);
            assertThat(claimed.get(0).status).isEqualTo(JobStatus.IN_PROGRESS);
        });
    }

    @Test
    void waitingJobsFillWhatStartedJobsLeave() throws Exception {
        rolledBack(() -> {
            UUID waiting = due("PENDING", LONG_AGO);
            UUID started = due("IN_PROGRESS", Instant.now().minusSeconds(1));

            List<ProvisioningJob> claimed = jobs.claimDue(UUID.randomUUID(), Duration.ofSeconds(10), 1_000);

            assertThat(claimed).extracting(job -> job.id).contains(started, waiting);
        });
    }

    private void rolledBack(Runnable test) throws Exception {
        transaction.begin();
        try {
            test.run();
        } finally {
            transaction.rollback();
        }
    }

    /** A job of a subscription of its own, in the given status and due since {@code since}. */
    private UUID due(String status, Instant since) {
        UUID id = new JobRows(dataSource).insert(UUID.randomUUID(), UUID.randomUUID(), "http://localhost:1",
                "PROVISION", status, "standard");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE provisioning_job SET next_attempt_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(since));
            update.setObject(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("the job could not be made due", e);
        }
        return id;
    }
}
