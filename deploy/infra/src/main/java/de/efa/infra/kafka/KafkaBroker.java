package de.efa.infra.kafka;

import de.efa.infra.net.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka KRaft broker (combined broker and controller) at the BOM's Kafka version. It keeps
 * its log in a directory of our choosing, so it can be stopped and started again with its data, in-process
 * (tests that cut the broker off) or as its own process (the local stack, through {@link #main}).
 */
public final class KafkaBroker implements AutoCloseable {

    /** What the broker process prints once it takes requests and the topics exist. */
    public static final String READY_MARKER = "Kafka broker ready on ";

    private static final String CLUSTER_ID = "efaMarketplaceKRaft0";

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaBroker(Path logDirectory, int port, int controllerPort) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
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

    /** Starts the broker (formatting its log directory the first time) and creates the product topics. */
    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        format(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        ProductTopics.createAll(bootstrapServers());
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
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
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

    /** Runs the broker as its own process: {@code KafkaBroker <log directory> <port> <controller port>}. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: KafkaBroker <log directory> <port> <controller port>");
            System.exit(2);
        }
        KafkaBroker broker = new KafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
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

        static void createAll(String bootstrapServers) {
            List<NewTopic> topics = List.of(
                    new NewTopic("efa.catalog.services.v1", PARTITIONS, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic("efa.onboarding.requests.v1", PARTITIONS, (short) 1),
                    new NewTopic("efa.onboarding.requests.v1.dlq", 1, (short) 1),
                    new NewTopic("efa.onboarding.results.v1", PARTITIONS, (short) 1));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                for (NewTopic topic : topics) {
                    try {
                        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException("could not create topic " + topic.name(), e.getCause());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka did not create the topics within 30 s", e);
            }
        }
    }
}
