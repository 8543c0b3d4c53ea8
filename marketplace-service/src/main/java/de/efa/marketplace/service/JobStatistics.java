package de.efa.marketplace.service;

import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.repository.JobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps PostgreSQL's picture of the job table current through a burst of new jobs. The claim reads due jobs in due
 * order from an index and stops at its limit, but only while the statistics say that many jobs are unfinished. Taken
 * before a burst (a new database, or a table of finished jobs when a Land rolls a service out), they say that a few
 * are, and PostgreSQL then checked every due job for an older unfinished one of its subscription and sorted them all,
 * in every claim: 13 ms per claim among 2,000 due jobs in a national rollout, 45 ms among 8,000, against 0.3 ms with
 * fresh statistics. Autovacuum analyses a table only after a tenth of it changed, and a database at most once a
 * minute.
 */
@ApplicationScoped
public class JobStatistics {

    private static final Logger LOG = Logger.getLogger(JobStatistics.class);

    private final JobRepository jobs;
    private final int analyzeAfter;
    private final AtomicLong newJobs = new AtomicLong();

    public JobStatistics(JobRepository jobs, ProvisioningConfig config) {
        this.jobs = jobs;
        this.analyzeAfter = config.analyzeAfter();
    }

    void jobsCreated(int count) {
        newJobs.addAndGet(count);
    }

    /** Before a claim: analyses the job table when {@code analyze-after} jobs were created since it last did. */
    void refreshIfStale() {
        if (newJobs.get() < analyzeAfter) {
            return;
        }
        newJobs.set(0);
        try {
            QuarkusTransaction.requiringNew().run(jobs::analyze);
        } catch (RuntimeException e) {
            // Claims work with old statistics too, only slower; they must not wait for better ones.
            LOG.warnf(e, "the job table could not be analysed");
        }
    }
}
