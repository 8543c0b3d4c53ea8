package de.efa.marketplace.service;

import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.repository.JobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's picture of the job table current through a burst of jobs. The claim reads due jobs in due order
 * from an index and stops at its limit, but only while the statistics say that many jobs are unfinished. Taken before
 * a burst (a new database, or a table of finished jobs when a Land rolls a service out), they say that a few are, and
 * PostgreSQL then checked every due job for an older unfinished one of its subscription and sorted them all, in every
 * claim: 13 ms per claim among 2,000 due jobs in a national rollout, 45 ms among 8,000, against 0.3 ms with fresh
 * statistics. Autovacuum analyses a table only after a tenth of it changed, and a database at most once a minute.
 *
 * <p>PostgreSQL's own count of the rows written since the last analysis is read, so that it does not matter which
 * replica wrote them, and only committed writes count. A table being analysed already (by another replica or by
 * autovacuum) is left to it rather than waited for.
 */
@ApplicationScoped
public class JobStatistics {

    private static final Logger LOG = Logger.getLogger(JobStatistics.class);

    private final JobRepository jobs;
    private final long analyzeAfter;

    public JobStatistics(JobRepository jobs, ProvisioningConfig config) {
        this.jobs = jobs;
        this.analyzeAfter = config.analyzeAfter();
    }

    @Scheduled(identity = "job-statistics", every = "${efa.provisioning.analyze-check:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshIfStale() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (jobs.writtenSinceAnalyze() >= analyzeAfter) {
                    jobs.analyze();
                }
            });
        } catch (RuntimeException e) {
            // Claims work with old statistics too, only slower.
            LOG.warnf("the job table could not be analysed, the next check tries again: %s", e.toString());
        }
    }
}
