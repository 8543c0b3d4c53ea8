package de.efa.platform.outbox;

import de.efa.platform.events.CloudEventHeaders;
import de.efa.platform.health.Heartbeat;
import de.efa.platform.health.Heartbeats;
import de.efa.platform.kafka.KafkaClients;
import de.efa.platform.loop.WakeableLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Hands the outbox to Kafka: one thread per service instance, woken after each commit that wrote an event and on a
 * schedule. Its producer is idempotent with {@code acks=all} and gives up within the lease, so that no second relay
 * takes over a batch that is still in flight; one that failed for good is replaced by a new one.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final KafkaClients kafka;
    private final Heartbeats heartbeats;
    private final Counter parked;
    private final String source;
    private RelayPass pass;
    private WakeableLoop loop;

    public OutboxRelay(OutboxRepository repository, OutboxConfig config, KafkaClients kafka, Heartbeats heartbeats,
                       MeterRegistry meters, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        if (config.lease().compareTo(config.maxBlock().plus(config.sendTimeout()).plus(Duration.ofSeconds(5))) <= 0) {
            throw new IllegalStateException("efa.outbox.lease must outlast max-block plus send-timeout by 5 s, "
                    + "or a second relay could send events that are still in flight");
        }
        this.repository = repository;
        this.config = config;
        this.kafka = kafka;
        this.heartbeats = heartbeats;
        this.parked = Counter.builder("efa.outbox.parked")
                .description("Outgoing events parked because Kafka refused them too often")
                .register(meters);
        this.source = CloudEventHeaders.sourceOf(applicationName);
    }

    void start(@Observes StartupEvent startup) {
        Heartbeat heartbeat = heartbeats.loop("outbox-relay");
        pass = new RelayPass(repository, this::newProducer, config, source, heartbeat);
        loop = new WakeableLoop("outbox-relay", config.idlePoll(), heartbeat, this::relay);
        loop.start();
    }

    private Producer<String, String> newProducer() {
        return kafka.producer("outbox", Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.sendTimeout().toMillis() - 10, 10_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null) {
            loop.stop();
        }
        if (pass != null) {
            pass.close(Duration.ofSeconds(5));
        }
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    /** Asks for a pass soon; many wake-ups while one is pending make one pass. */
    private void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    private boolean relay() {
        try {
            RelayPass.Outcome outcome = pass.run();
            parked.increment(outcome.parked());
            return outcome.more();
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox is not reachable: " + e.getMessage(), e);
        }
    }
}
