package de.efa.platform.health;

import de.efa.platform.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reports whether Kafka answers, without ever making the service unready: while Kafka is away the outbox keeps
 * every event and the consumers wait, so the service still serves its API (reads, and writes into the outbox). A
 * readiness that failed would take exactly that away. The answer is looked up at most every few seconds.
 */
@Readiness
@ApplicationScoped
public class KafkaStatusCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEEP = Duration.ofSeconds(10);

    private final KafkaClients kafka;
    private Admin admin;
    private Instant checkedAt = Instant.MIN;
    private Instant unreachableSince;

    public KafkaStatusCheck(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (Instant.now().isAfter(checkedAt.plus(KEEP))) {
            checkedAt = Instant.now();
            boolean reachable = reachable();
            unreachableSince = reachable ? null : unreachableSince == null ? checkedAt : unreachableSince;
        }
        return HealthCheckResponse.named("kafka").up()
                .withData("kafka", unreachableSince == null ? "reachable"
                        : "unreachable since " + unreachableSince + "; events wait in the outbox")
                .build();
    }

    private boolean reachable() {
        try {
            if (admin == null) {
                admin = kafka.admin("status", Map.of(
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
            }
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
