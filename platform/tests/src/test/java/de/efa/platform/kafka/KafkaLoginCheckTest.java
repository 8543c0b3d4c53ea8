package de.efa.platform.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KafkaLoginCheckTest {

    @Test
    void sasl_without_a_login_stops_the_start_naming_the_environment_variable() {
        KafkaLoginCheck check = new KafkaLoginCheck(Map.of(
                "bootstrap.servers", "broker:9092", "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512"));

        assertThatIllegalStateException().isThrownBy(() -> check.check(null))
                .withMessageContaining("KAFKA_SASL_JAAS_CONFIG").withMessageContaining("SASL_PLAINTEXT");
        assertThat(KafkaLoginCheck.missingLogin(Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", " ")))
                .isPresent();
    }

    @Test
    void a_login_or_no_sasl_at_all_lets_it_start() {
        assertThat(KafkaLoginCheck.missingLogin(Map.of("security.protocol", "SASL_SSL",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"))).isEmpty();
        assertThat(KafkaLoginCheck.missingLogin(Map.of("bootstrap.servers", "localhost:9092"))).isEmpty();
        assertThat(KafkaLoginCheck.missingLogin(Map.of("security.protocol", "SSL"))).isEmpty();
    }
}
