package de.efa.infra.kafka;

import de.efa.infra.net.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Kafka KRaft broker (combined broker and controller) at the BOM's Kafka version. It keeps
 * its log in a directory of our choosing, so it can be stopped and started again with its data, in-process
 * (tests that cut the broker off) or as its own process (the local stack, through {@link #main}).
 * <p>
 * Its client port is plaintext, or requires a {@link KafkaUser} (SASL). With SASL the broker reaches itself over a
 * plaintext listener on another loopback port, as a cluster's brokers use an internal listener, and creates the
 * user there at every start, so that a log directory formatted without the user (a kept local stack) gets it too.
 */
public final class KafkaBroker implements AutoCloseable {

    /** What the broker process prints once it takes requests and the topics exist. */
    public static final String READY_MARKER = "Kafka broker ready on ";

    private static final String CLUSTER_ID = "efaMarketplaceKRaft0";
    /** Kafka's minimum for SCRAM-SHA-512 is 4096; more only slows every login of the tests. */
    private static final int SCRAM_ITERATIONS = 4096;

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private final Optional<KafkaUser> user;
    /** Where the broker itself connects to manage topics and users: the client port unless that requires SASL. */
    private final int internalPort;
    private KafkaRaftServer server;

    /** A broker whose client port is plaintext. */
    public KafkaBroker(Path logDirectory, int port, int controllerPort) {
        this(logDirectory, port, controllerPort, Optional.empty(), port);
    }

    /** A broker whose client port requires {@code user} to log in with SCRAM-SHA-512 over SASL_PLAINTEXT. */
    public KafkaBroker(Path logDirectory, int port, int controllerPort, KafkaUser user) {
        this(logDirectory, port, controllerPort, Optional.of(user), Ports.free());
    }

    private KafkaBroker(Path logDirectory, int port, int controllerPort, Optional<KafkaUser> user, int internalPort) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.user = user;
        this.internalPort = internalPort;
    }

    /** A broker on free ports with a fresh log in a temporary directory. */
    public static KafkaBroker ephemeral() {
        try {
            Path directory = Files.createTempDirectory("efa-kafka-");
            return new KafkaBroker(directory, Ports.free(), Ports.free());
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for Kafka: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the broker (formatting its log directory the first time), creates its user when it requires one,
     * and the product topics.
     */
    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        format(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String internal = "127.0.0.1:" + internalPort;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internal))) {
            user.ifPresent(required -> createUser(admin, required));
            ProductTopics.createAll(admin);
        }
        return this;
    }

    /** Stops the broker; its data stays, so {@link #start()} brings it back with every record. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.putAll(user.isPresent() ? saslListeners() : plaintextListeners());
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "4");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their intended configuration (compaction for the catalog).
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private Map<String, String> plaintextListeners() {
        return Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name", "PLAINTEXT",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    }

    private Map<String, String> saslListeners() {
        return Map.of(
                "listeners", "CLIENT://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners", "CLIENT://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort,
                "inter.broker.listener.name", "INTERNAL",
                "listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", KafkaUser.MECHANISM.mechanismName(),
                // The server side of SCRAM needs a login module, but no options: the users are in the metadata log.
                "listener.name.client." + KafkaUser.MECHANISM.mechanismName().toLowerCase(Locale.ROOT)
                        + ".sasl.jaas.config",
                ScramLoginModule.class.getName() + " required;");
    }

    /** Creates the user, or gives it its password again: it is in the metadata log, which a restart keeps. */
    private static void createUser(Admin admin, KafkaUser user) {
        UserScramCredentialUpsertion upsertion = new UserScramCredentialUpsertion(user.name(),
                new ScramCredentialInfo(KafkaUser.MECHANISM, SCRAM_ITERATIONS), user.password());
        try {
            await(admin.alterUserScramCredentials(List.of(upsertion)).all(), "creating the user " + user.name());
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the Kafka user " + user.name(), e.getCause());
        }
    }

    /** Waits for an administrative call of the start; a local broker answers within seconds or not at all. */
    private static void await(KafkaFuture<Void> call, String what) throws ExecutionException {
        try {
            call.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not finish " + what + " within 30 s", e);
        }
    }

    private void format(KafkaConfig config) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(CLUSTER_ID)
                    .setNodeId(config.nodeId())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs the broker as its own process: {@code KafkaBroker <log directory> <port> <controller port>}; with a
     * user in the environment ({@link KafkaUser#brokerEnvironment()}) its client port requires that user.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: [EFA_KAFKA_USER=… EFA_KAFKA_PASSWORD=…] KafkaBroker <log directory> <port>"
                    + " <controller port>");
            System.exit(2);
        }
        Path logDirectory = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        KafkaBroker broker = KafkaUser.fromEnvironment(System.getenv())
                .map(user -> new KafkaBroker(logDirectory, port, controllerPort, user))
                .orElseGet(() -> new KafkaBroker(logDirectory, port, controllerPort));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-shutdown"));
        broker.start();
        System.out.println(READY_MARKER + broker.bootstrapServers());
        Thread.currentThread().join();
    }

    /** The topics of docs/events.md, each with the configuration its contract asks for. */
    static final class ProductTopics {

        private static final int PARTITIONS = 4;

        private ProductTopics() {
        }

        static void createAll(Admin admin) {
            List<NewTopic> topics = List.of(
                    new NewTopic("efa.catalog.services.v1", PARTITIONS, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic("efa.onboarding.requests.v1", PARTITIONS, (short) 1),
                    new NewTopic("efa.onboarding.requests.v1.dlq", 1, (short) 1),
                    new NewTopic("efa.onboarding.results.v1", PARTITIONS, (short) 1));
            for (NewTopic topic : topics) {
                try {
                    await(admin.createTopics(List.of(topic)).all(), "creating topic " + topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic.name(), e.getCause());
                    }
                }
            }
        }
    }
}
