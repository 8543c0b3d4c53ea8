package de.efa.stack;

import de.efa.infra.kafka.KafkaUser;
import de.efa.infra.keycloak.KeycloakServer;
import de.efa.infra.net.Ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the stack keeps its data and on which ports it listens. The local stack uses the ports of the README's
 * architecture table and keeps its data; the end-to-end tests use free ports and a throw-away directory, so that they
 * can run while a local stack is up. With a {@code kafkaUser}, the Kafka broker requires every client to log in
 * as that user. With a {@code startupCacheDirectory}, the services, Kafka and Keycloak start from start-up caches
 * kept there, and train them where there are none yet ({@link StartupCache}).
 */
public record StackConfig(
        Path repositoryRoot,
        Path dataDirectory,
        Path keycloakDistribution,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        Map<Service, Integer> servicePorts,
        boolean demoData,
        Map<Service, Map<String, String>> extraEnvironment,
        Duration startupTimeout,
        List<String> jvmOptions,
        Optional<KafkaUser> kafkaUser,
        Optional<Path> startupCacheDirectory) {

    private static final Properties BUILD = buildProperties();

    /**
     * For the services and Kafka: a bounded heap, and a GC that does not claim both cores for itself. The heap
     * starts small: the serial collector's default initial heap (1/64 of the machine's memory, 384 MB here) made
     * an idle service ~45 MB larger than it needs to be. From JDK 22 on the JVM also hands the C heap's free memory
     * back every few seconds: glibc keeps what the start freed, 3.5–5 MB of an idle service's RSS.
     */
    private static final List<String> JVM_OPTIONS = Stream.concat(Stream.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC"),
            Runtime.version().feature() >= 22 ? Stream.of("-XX:TrimNativeHeapInterval=5000") : Stream.empty()).toList();

    /**
     * The local stack also runs with C1 only: on 2 cores it starts about a sixth sooner (the goal is ready within
     * 120 s from a fresh clone), and neither a developer's clicks nor the end-to-end tests need C2's peak
     * throughput, which the other benchmarks keep. The rollout benchmark runs with these too: its burst of minutes on
     * fresh JVMs is over before C2's compilations pay for themselves. C1 alone would get a 48 MB code cache, which a
     * long-running JVM can fill.
     */
    private static final List<String> QUICK_START_JVM_OPTIONS = Stream.concat(JVM_OPTIONS.stream(),
            Stream.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m")).toList();

    /**
     * The local stack of the README: its ports, data under {@code .local/}, demo data, start-up caches. Patient: the
     * first start after a build trains the caches, which slows every JVM down (JDK 25 records without its default
     * class-data archive), and on a busy 2-core machine a service then needed more than 180 s.
     */
    public static StackConfig local(Path dataDirectory) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(defaultRepositoryRoot(), dataDirectory, keycloakZip(), 5432, 9092, 9093, 8180, ports, true,
                Map.of(), Duration.ofSeconds(300), QUICK_START_JVM_OPTIONS, Optional.empty(), Optional.empty())
                .withStartupCaches();
    }

    /** A stack on free ports in a fresh temporary directory, without demo data: the end-to-end tests' own. */
    public static StackConfig ephemeral() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
        try {
            return new StackConfig(defaultRepositoryRoot(), Files.createTempDirectory("efa-stack-"), keycloakZip(),
                    Ports.free(), Ports.free(), Ports.free(), Ports.free(), ports, false, Map.of(),
                    Duration.ofSeconds(180), JVM_OPTIONS, Optional.empty(), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the stack", e);
        }
    }

    /** The same stack with extra environment for one service, e.g. the demo provider's fault settings. */
    public StackConfig withEnvironment(Service service, Map<String, String> environment) {
        Map<Service, Map<String, String>> extra = new EnumMap<>(Service.class);
        extra.putAll(extraEnvironment);
        extra.put(service, Map.copyOf(environment));
        return new StackConfig(repositoryRoot, dataDirectory, keycloakDistribution, postgresPort, kafkaPort,
                kafkaControllerPort, keycloakPort, servicePorts, demoData, extra, startupTimeout, jvmOptions,
                kafkaUser, startupCacheDirectory);
    }

    /** The same stack with the local stack's quick-start JVM options: the end-to-end tests, or a start-up measure. */
    public StackConfig withLocalStackJvmOptions() {
        return new StackConfig(repositoryRoot, dataDirectory, keycloakDistribution, postgresPort, kafkaPort,
                kafkaControllerPort, keycloakPort, servicePorts, demoData, extraEnvironment, startupTimeout,
                QUICK_START_JVM_OPTIONS, kafkaUser, startupCacheDirectory);
    }

    /**
     * The same stack starting its services, Kafka and Keycloak from start-up caches (JDK 25's ahead-of-time cache,
     * a class-data sharing archive before), kept beside the unpacked Keycloak and shared by the local stack and the
     * benchmarks' start-up scenario; a start without a cache for its build trains it, and the graceful stop writes it
     * (seconds more, once per build). Not for the end-to-end tests: a training stop is work the test suite would pay
     * for at every run on a fresh clone in CI.
     */
    public StackConfig withStartupCaches() {
        return new StackConfig(repositoryRoot, dataDirectory, keycloakDistribution, postgresPort, kafkaPort,
                kafkaControllerPort, keycloakPort, servicePorts, demoData, extraEnvironment, startupTimeout,
                jvmOptions, kafkaUser,
                Optional.of(KeycloakServer.Options.DEFAULT_CACHE_DIRECTORY.resolve("startup-caches")));
    }

    /**
     * The same stack with a Kafka broker that requires SASL (SCRAM-SHA-512) of every client, as the production
     * cluster does: every Kafka client of the services and of the caller must take the stack's settings.
     */
    public StackConfig withKafkaSasl() {
        return new StackConfig(repositoryRoot, dataDirectory, keycloakDistribution, postgresPort, kafkaPort,
                kafkaControllerPort, keycloakPort, servicePorts, demoData, extraEnvironment, startupTimeout,
                jvmOptions, Optional.of(KafkaUser.STACK), startupCacheDirectory);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public String url(Service service) {
        return "http://localhost:" + port(service);
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public static Path defaultRepositoryRoot() {
        return Path.of(BUILD.getProperty("repository.root")).toAbsolutePath().normalize();
    }

    private static Path keycloakZip() {
        return Path.of(BUILD.getProperty("keycloak.distribution"));
    }

    private static Properties buildProperties() {
        try (InputStream in = StackConfig.class.getResourceAsStream("/stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("stack.properties is missing: build the project with ./mvnw first", e);
        }
    }
}
