package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.ProvisioningJob;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Micrometer meters of provisioning: jobs by status (gauge, counted in the database so that it holds across
 * replicas and restarts), time from request to result (histogram) and broker calls by outcome (counter).
 */
@Startup
@ApplicationScoped
public class ProvisioningMetrics {

    private static final Logger LOG = Logger.getLogger(ProvisioningMetrics.class);
    private static final long COUNTS_MAX_AGE_NANOS = Duration.ofSeconds(2).toNanos();

    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private final Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    private long countedAt;

    public ProvisioningMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("efa.provisioning.jobs", this, metrics -> metrics.count(status))
                    .description("Provisioning jobs by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    public void brokerCall(BrokerAnswer answer) {
        Counter.builder("efa.broker.calls")
                .description("Calls to Open Service Brokers by action and outcome")
                .tag("action", answer.action().name())
                .tag("outcome", outcome(answer))
                .register(registry)
                .increment();
    }

    public void finished(ProvisioningJob job) {
        if (job.requestedAt == null || job.finishedAt == null) {
            return;
        }
        Timer.builder("efa.provisioning.duration")
                .description("Time from the subscription's request to the job's result")
                .tag("operation", job.operation.name())
                .tag("status", job.status.name())
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.between(job.requestedAt, job.finishedAt));
    }

    private synchronized double count(JobStatus status) {
        if (System.nanoTime() - countedAt > COUNTS_MAX_AGE_NANOS) {
            refreshCounts();
        }
        return counts.getOrDefault(status, 0L);
    }

    private void refreshCounts() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT status, count(*) FROM provisioning_job GROUP BY status")) {
            counts.clear();
            while (rows.next()) {
                counts.put(JobStatus.valueOf(rows.getString(1)), rows.getLong(2));
            }
            countedAt = System.nanoTime();
        } catch (SQLException e) {
            LOG.debugf("job counts not refreshed: %s", e.getMessage());
        }
    }

    private static String outcome(BrokerAnswer answer) {
        if (answer.answered()) {
            return (answer.status() / 100) + "xx";
        }
        return answer.failure().name().toLowerCase(Locale.ROOT);
    }
}
