package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.domain.FindingKind;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.ProvisioningJob;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;

/**
 * Micrometer meters of provisioning: jobs by status and open findings by kind (gauges, counted in the database so
 * that they hold across replicas and restarts), time from request to result (histogram) and broker calls by outcome
 * (counter).
 */
@Startup
@ApplicationScoped
public class ProvisioningMetrics {

    private final MeterRegistry registry;
    // Held here: a gauge keeps only a weak reference to what it reads.
    private final GroupCounts jobs;
    private final GroupCounts findings;

    public ProvisioningMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        this.jobs = new GroupCounts(dataSource, "SELECT status, count(*) FROM provisioning_job GROUP BY status");
        this.findings = new GroupCounts(dataSource,
                "SELECT kind, count(*) FROM finding WHERE resolved_at IS NULL GROUP BY kind");
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("efa.provisioning.jobs", jobs, counts -> counts.count(status.name()))
                    .description("Provisioning jobs by status")
                    .tag("status", status.name())
                    .register(registry);
        }
        for (FindingKind kind : FindingKind.values()) {
            Gauge.builder("efa.findings.open", findings, counts -> counts.count(kind.name()))
                    .description("Findings no operator has resolved yet, by kind")
                    .tag("kind", kind.name())
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

    private static String outcome(BrokerAnswer answer) {
        if (answer.answered()) {
            return (answer.status() / 100) + "xx";
        }
        return answer.failure().name().toLowerCase(Locale.ROOT);
    }
}
