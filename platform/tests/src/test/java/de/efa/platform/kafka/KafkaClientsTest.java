package de.efa.platform.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientsTest {

    @Test
    void a_producer_gets_the_security_settings_of_the_kafka_configuration_and_its_own_on_top() {
        KafkaClients clients = new KafkaClients(Map.of(
                "bootstrap.servers", "broker:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "group.id", "only-for-consumers",
                "acks", "1"), "tenant-service");

        Map<String, Object> config = clients.producerConfig("outbox", Map.of("acks", "all"));

        assertThat(config).containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("acks", "all")
                .containsEntry("client.id", "tenant-service-outbox")
                .doesNotContainKey("group.id");
    }
}
