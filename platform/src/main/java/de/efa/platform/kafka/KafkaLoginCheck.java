package de.efa.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.Map;
import java.util.Optional;

/**
 * Stops the start when Kafka is to be reached with SASL but no login is configured. The Kafka clients would only say
 * that they found no JAAS entry named {@code KafkaClient}, or keep failing in the background where a client is made
 * later; this names the environment variable instead. A login is a secret and has no default anywhere: without SASL
 * (the local stack's plain broker) none is needed.
 */
@ApplicationScoped
public class KafkaLoginCheck {

    private final Map<String, Object> configuration;

    public KafkaLoginCheck(@Identifier("default-kafka-broker") Map<String, Object> configuration) {
        this.configuration = Map.copyOf(configuration);
    }

    // Before the messaging connectors and the outbox relay make their clients on the same event.
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        missingLogin(configuration).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** Why the configuration cannot log in to Kafka, if it cannot. */
    static Optional<String> missingLogin(Map<String, Object> configuration) {
        String protocol = String.valueOf(configuration.getOrDefault("security.protocol", "PLAINTEXT"));
        Object login = configuration.get("sasl.jaas.config");
        if (protocol.startsWith("SASL_") && (login == null || login.toString().isBlank())) {
            return Optional.of("Kafka's security.protocol is " + protocol + " but no login is configured: set "
                    + "KAFKA_SASL_JAAS_CONFIG (kafka.sasl.jaas.config), e.g. from the Secret of the service's Kafka user");
        }
        return Optional.empty();
    }
}
