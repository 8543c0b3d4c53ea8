package de.efa.infra.kafka;

import de.efa.infra.net.Ports;
import de.efa.infra.process.ManagedProcess;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker process of the stacks, started as the launcher starts it with a {@link KafkaUser}: its client port
 * refuses a client without credentials or with a wrong password, and serves the user, also after a restart on
 * the kept log.
 */
class KafkaBrokerSaslTest {

    private static final KafkaUser USER = KafkaUser.STACK;
    private static final String TOPIC = "efa.onboarding.requests.v1.dlq";

    @TempDir
    static Path data;

    private static final int PORT = Ports.free();
    private static final int CONTROLLER_PORT = Ports.free();
    private static ManagedProcess broker;

    @BeforeAll
    static void startTheBrokerProcessWithAUser() {
        broker = startBroker();
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.stop(30);
        }
    }

    @Test
    void aClientWithoutCredentialsIsRefused() {
        // The broker closes the connection of a client that skips the SASL handshake; the client can only retry
        // until its deadline.
        try (Admin admin = Admin.create(withDeadline(Map.of(), 5_000))) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, refused.getCause());
        }
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        KafkaUser impostor = new KafkaUser(USER.name(), "wrong-" + USER.password());
        // The refusal comes as soon as the handshake is answered; a deadline as long as the wait keeps a busy
        // machine's slow handshake from looking like a timeout.
        try (Admin admin = Admin.create(withDeadline(impostor.clientProperties(), 30_000))) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(60, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
        }
    }

    @Test
    void theUserSendsAndReadsRecordsAlsoAfterARestartOnTheKeptLog() throws Exception {
        assertRoundTrip();

        broker.stop(30);
        broker = startBroker();

        assertRoundTrip();
    }

    private static ManagedProcess startBroker() {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), KafkaBroker.class.getName(),
                data.resolve("kafka").toString(), String.valueOf(PORT), String.valueOf(CONTROLLER_PORT));
        ManagedProcess process = ManagedProcess.start("Kafka", command, USER.brokerEnvironment(), data,
                Path.of("target", "kafka-sasl-test.log"));
        process.awaitLogLine(KafkaBroker.READY_MARKER, Duration.ofMinutes(2));
        return process;
    }

    private static void assertRoundTrip() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> client = client(USER.clientProperties());
        client.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        client.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client)) {
            producer.send(new ProducerRecord<>(TOPIC, key, "probe")).get(30, TimeUnit.SECONDS);
        }
        assertTrue(isOnTheTopic(key), "the record sent was not read back");
    }

    private static boolean isOnTheTopic(String key) {
        Map<String, Object> client = client(USER.clientProperties());
        client.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        client.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(client)) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static Map<String, Object> withDeadline(Map<String, String> security, int millis) {
        Map<String, Object> client = client(security);
        client.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        client.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis);
        return client;
    }

    private static Map<String, Object> client(Map<String, String> security) {
        Map<String, Object> client = new HashMap<>(security);
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + PORT);
        return client;
    }
}
