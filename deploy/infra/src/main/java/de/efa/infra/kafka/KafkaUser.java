package de.efa.infra.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.ScramLoginModule;

import java.util.Map;
import java.util.Optional;

/**
 * A Kafka user that authenticates with SCRAM-SHA-512 over SASL_PLAINTEXT, the mechanism of the production
 * cluster (a Strimzi {@code KafkaUser}). A stack whose broker requires it shows that every Kafka client of every
 * part really takes its security settings from configuration: one that does not is refused.
 */
public record KafkaUser(String name, String password) {

    public static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_512;

    /** The one user of a stack that runs Kafka with SASL; its secret protects nothing but a throw-away broker. */
    public static final KafkaUser STACK = new KafkaUser("efa-marketplace", "efa-kafka-secret");

    // The broker process gets the user from its environment rather than its command line, which `ps` shows.
    private static final String NAME_VARIABLE = "EFA_KAFKA_USER";
    private static final String PASSWORD_VARIABLE = "EFA_KAFKA_PASSWORD";

    public KafkaUser {
        if (!isPlain(name) || !isPlain(password)) {
            throw new IllegalArgumentException("a Kafka user needs a name and a password of letters, digits, . _ -");
        }
    }

    /** Both go into a JAAS configuration line as they are, where a quote or a semicolon would end them. */
    private static boolean isPlain(String value) {
        return value != null && value.matches("[A-Za-z0-9._-]+");
    }

    /** The settings a Kafka client needs besides {@code bootstrap.servers} to log in as this user. */
    public Map<String, String> clientProperties() {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name,
                SaslConfigs.SASL_MECHANISM, MECHANISM.mechanismName(),
                SaslConfigs.SASL_JAAS_CONFIG, ScramLoginModule.class.getName()
                        + " required username=\"" + name + "\" password=\"" + password + "\";");
    }

    /** How a launcher tells the broker process ({@link KafkaBroker#main}) to require this user. */
    public Map<String, String> brokerEnvironment() {
        return Map.of(NAME_VARIABLE, name, PASSWORD_VARIABLE, password);
    }

    static Optional<KafkaUser> fromEnvironment(Map<String, String> environment) {
        String name = environment.get(NAME_VARIABLE);
        return name == null ? Optional.empty() : Optional.of(new KafkaUser(name, environment.get(PASSWORD_VARIABLE)));
    }
}
