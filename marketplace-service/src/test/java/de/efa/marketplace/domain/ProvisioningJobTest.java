package de.efa.marketplace.domain;

import de.efa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator's retry of a job, without a database. */
class ProvisioningJobTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aRetriedFailedJobStartsAgainAsTheSameJobWithAFreshBudget() {
        ProvisioningJob job = failedMidCleanup();
        UUID id = job.id;

        job.retry(NOW);

        assertThat(job.id).isEqualTo(id);
        assertThat(job.status).isEqualTo(JobStatus.PENDING);
        assertThat(job.step).isEqualTo(JobStep.SEND);
        assertThat(job.retries).isZero();
        assertThat(job.cleanupRetries).isZero();
        assertThat(job.failureReason).isNull();
        assertThat(job.pendingFailure).isNull();
        assertThat(job.brokerOperation).isNull();
        assertThat(job.dashboardUrl).isNull();
        assertThat(job.pollStartedAt).isNull();
        assertThat(job.finishedAt).isNull();
        assertThat(job.nextAttemptAt).isEqualTo(NOW);
        assertThat(job.requestedAt).isEqualTo(NOW);
        assertThat(job.receivedAt).isEqualTo(NOW);
    }

    @Test
    void onlyAFailedJobCanBeRetriedAndAnotherIsLeftAsItWas() {
        for (JobStatus status : new JobStatus[] {JobStatus.PENDING, JobStatus.IN_PROGRESS, JobStatus.SUCCEEDED}) {
            ProvisioningJob job = failedMidCleanup();
            job.status = status;
            job.failureReason = null;

            assertThatThrownBy(() -> job.retry(NOW)).isInstanceOf(ProblemException.class)
                    .hasMessage("Only a FAILED job can be retried; this one is " + status);
            assertThat(job.status).isEqualTo(status);
            assertThat(job.step).isEqualTo(JobStep.CLEANUP);
            assertThat(job.retries).isEqualTo(5);
        }
    }

    private static ProvisioningJob failedMidCleanup() {
        ProvisioningJob job = new ProvisioningJob();
        job.id = UUID.randomUUID();
        job.operation = Operation.PROVISION;
        job.status = JobStatus.FAILED;
        job.step = JobStep.CLEANUP;
        job.brokerOperation = "op-1";
        job.dashboardUrl = "http://broker.example/dashboard";
        job.failureReason = "gave up after 6 attempts";
        job.pendingFailure = "timeout";
        job.retries = 5;
        job.cleanupRetries = 2;
        job.pollStartedAt = NOW.minusSeconds(90);
        job.nextAttemptAt = NOW.minusSeconds(60);
        job.requestedAt = NOW.minusSeconds(120);
        job.receivedAt = NOW.minusSeconds(119);
        job.finishedAt = NOW.minusSeconds(60);
        return job;
    }
}
