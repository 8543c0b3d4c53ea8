package de.efa.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kafka clients built from Quarkus' Kafka configuration (every {@code kafka.*} property, the same the messaging
 * channels and the health checks use), so that {@code security.protocol}, SASL and TLS settings reach every client
 * a service makes itself; only what a client's purpose needs is set on top.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> configuration;
    private final String applicationName;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> configuration,
                        @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.configuration = Map.copyOf(configuration);
        this.applicationName = applicationName;
    }

    /** A producer of string keys and values; {@code purpose} names it in the broker's logs and metrics. */
    public Producer<String, String> producer(String purpose, Map<String, Object> settings) {
        return new KafkaProducer<>(producerConfig(purpose, settings), new StringSerializer(), new StringSerializer());
    }

    /** An admin client for looking at the cluster, e.g. whether it answers. */
    public Admin admin(String purpose, Map<String, Object> settings) {
        return Admin.create(clientConfig(AdminClientConfig.configNames(), purpose, settings));
    }

    Map<String, Object> producerConfig(String purpose, Map<String, Object> settings) {
        return clientConfig(ProducerConfig.configNames(), purpose, settings);
    }

    /** The configuration's settings that this kind of client knows, the purpose's own on top. */
    private Map<String, Object> clientConfig(Set<String> known, String purpose, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>();
        configuration.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        config.putAll(settings);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, applicationName + "-" + purpose);
        return config;
    }
}
