package de.efa.stack;

import de.efa.infra.kafka.KafkaBroker;
import de.efa.infra.kafka.KafkaUser;
import de.efa.infra.keycloak.KeycloakServer;
import de.efa.infra.net.Ports;
import de.efa.infra.postgres.PostgresServer;
import de.efa.infra.process.StartupCache;
import de.efa.infra.process.ManagedProcess;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The whole marketplace as separate processes: PostgreSQL, a Kafka broker, Keycloak with the realm, the three
 * services and the demo provider. The README's local stack and the end-to-end suite both start it this way,
 * so that what the tests prove is what a user runs.
 */
public final class Stack implements AutoCloseable {

    private final StackConfig config;
    private final Consumer<String> progress;
    private final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);
    /** The start-up caches that running processes train, written while they run or when they stop gracefully. */
    private final Map<ManagedProcess, StartupCache> trainings = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private PostgresServer postgres;
    private ManagedProcess kafka;
    private CompletableFuture<KeycloakServer> keycloakStart;
    private KeycloakServer keycloak;

    private Stack(StackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * Starts everything and returns once every part is ready; on failure stops what it had started and
     * throws with the reason (a taken port, or the end of the failing process's log).
     */
    public static Stack start(StackConfig config, Consumer<String> progress) {
        return start(config, progress, () -> { });
    }

    /**
     * As {@link #start(StackConfig, Consumer)}, but launches the services only once {@code awaitServiceJars}
     * returned: the local stack builds them while the infrastructure starts.
     */
    public static Stack start(StackConfig config, Consumer<String> progress, Runnable awaitServiceJars) {
        Stack stack = new Stack(config, progress);
        try {
            stack.startAll(awaitServiceJars);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public StackConfig config() {
        return config;
    }

    public String url(Service service) {
        return config.url(service);
    }

    public String realmUrl() {
        return keycloak.realmUrl();
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    /** What a Kafka client needs to use the stack's broker: its address and, when it requires SASL, the login. */
    public Map<String, String> kafkaClientProperties() {
        Map<String, String> properties = new HashMap<>(config.kafkaUser().map(KafkaUser::clientProperties)
                .orElse(Map.of()));
        properties.put("bootstrap.servers", kafkaBootstrapServers());
        return properties;
    }

    public String jdbcUrl(Service service) {
        return postgres.jdbcUrl(service.database());
    }

    /** A connection to one of the stack's databases with the login its services use, for reading it directly. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.USER);
    }

    /** Kills a service at once, as a crash would (fault tests). */
    public void kill(Service service) {
        ManagedProcess process = services.remove(service);
        if (process != null) {
            process.kill();
            StartupCache training = trainings.remove(process);
            if (training != null) {
                training.finishTraining(false);
            }
        }
    }

    /**
     * Writes the start-up caches that the stack's processes train while they run, one process at a time, so that
     * the machine keeps a core for whoever uses the stack meanwhile, and says how many it wrote. The local stack asks
     * for it once it is up: its stop is then as quick as any, and a stack that is killed keeps its caches.
     */
    public void writeStartupCaches() {
        List<StartupCache> caches = new ArrayList<>(trainings.values());
        keycloak.startupCacheInTraining().ifPresent(caches::add);
        if (!StartupCache.writesWhileRunning() || caches.isEmpty()) {
            return;
        }
        for (Map.Entry<ManagedProcess, StartupCache> training : List.copyOf(trainings.entrySet())) {
            if (closing) {
                return;
            }
            training.getValue().writeNow(training.getKey());
        }
        if (closing) {
            return;
        }
        keycloak.writeStartupCache();
        long written = caches.stream().filter(StartupCache::isWritten).count();
        long recording = caches.stream().filter(StartupCache::isRecording).count();
        long abandoned = caches.size() - written - recording;
        progress.accept("start-up caches written: " + written + " of " + caches.size()
                + (recording > 0 ? "; " + recording + " written when the stack stops" : "")
                + (abandoned > 0 ? "; " + abandoned + " trained again at the next start" : "")
                + (written > 0 ? "; the next start uses them" : ""));
    }

    /** Starts killed or stopped services again, side by side, and waits until each is ready. */
    public void restart(Service... restarted) {
        for (Service service : restarted) {
            relaunch(service);
        }
        for (Service service : restarted) {
            awaitReady(service);
        }
    }

    /**
     * Starts a killed or stopped service again without waiting for it, so that the caller can time its start-up
     * with a probe of its own (benchmarks); a running one is killed first.
     */
    public void relaunch(Service service) {
        kill(service);
        services.put(service, launch(service));
    }

    /** The operating-system process id of a running service, e.g. to read its memory from {@code /proc}. */
    public long pid(Service service) {
        ManagedProcess process = services.get(service);
        if (process == null) {
            throw new IllegalStateException(service.displayName() + " is not running");
        }
        return process.pid();
    }

    /** Stops and starts the Kafka broker with its data (fault tests). */
    public void restartKafka() {
        stopKafka();
        startKafka();
    }

    /** Stops the Kafka broker and keeps its data, for outages longer than a restart (fault tests). */
    public void stopKafka() {
        if (kafka != null) {
            stop(kafka, 30);
            kafka = null;
        }
    }

    /** Starts a stopped Kafka broker again with its data and waits until it takes requests. */
    public void startKafka() {
        if (kafka == null) {
            kafka = launchKafka();
            kafka.awaitLogLine(KafkaBroker.READY_MARKER, config.startupTimeout());
        }
    }

    private void startAll(Runnable awaitServiceJars) {
        requirePortsFree(config);
        long started = System.nanoTime();
        // Keycloak takes longest; the services do not need it until the first request comes.
        keycloakStart = CompletableFuture.supplyAsync(this::startKeycloak);
        progress.accept("starting PostgreSQL on port " + config.postgresPort());
        postgres = startPostgres();
        progress.accept("starting Kafka on port " + config.kafkaPort());
        kafka = launchKafka();
        kafka.awaitLogLine(KafkaBroker.READY_MARKER, config.startupTimeout());
        awaitServiceJars.run();
        for (Service service : Service.values()) {
            progress.accept("starting " + service.displayName() + " on port " + config.port(service));
            services.put(service, launch(service));
        }
        keycloak = join(keycloakStart);
        for (Service service : Service.values()) {
            awaitReady(service);
        }
        progress.accept(String.format("ready in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    /** Fails with one line naming the first port that is taken and what needed it. */
    public static void requirePortsFree(StackConfig config) {
        Ports.requireFree(config.postgresPort(), "PostgreSQL");
        Ports.requireFree(config.kafkaPort(), "Kafka");
        Ports.requireFree(config.kafkaControllerPort(), "the Kafka controller");
        Ports.requireFree(config.keycloakPort(), "Keycloak");
        for (Service service : Service.values()) {
            Ports.requireFree(config.port(service), service.displayName());
        }
    }

    private PostgresServer startPostgres() {
        PostgresServer server = PostgresServer.startPersistent(config.dataDirectory().resolve("postgres"),
                config.postgresPort());
        server.ensureDatabases(Arrays.stream(Service.values()).map(Service::database).filter(Objects::nonNull).toList());
        return server;
    }

    private ManagedProcess launchKafka() {
        Optional<StartupCache> cache = startupCache("kafka", launcherLibraries());
        List<String> command = java(cache, List.of("-cp", launcherLibraries() + "/*", KafkaBroker.class.getName(),
                config.dataDirectory().resolve("kafka").toString(),
                String.valueOf(config.kafkaPort()), String.valueOf(config.kafkaControllerPort())));
        Map<String, String> environment = config.kafkaUser().map(KafkaUser::brokerEnvironment).orElse(Map.of());
        return trained(cache, ManagedProcess.start("Kafka", command, environment, config.repositoryRoot(),
                config.logDirectory().resolve("kafka.log")));
    }

    private KeycloakServer startKeycloak() {
        progress.accept("starting Keycloak on port " + config.keycloakPort());
        Path data = config.dataDirectory().resolve("keycloak");
        KeycloakServer.Options options = KeycloakServer.Options
                .of(config.keycloakDistribution(), config.repositoryRoot().resolve("deploy/keycloak/efa-realm.json"),
                        data, config.keycloakPort())
                .withLogFile(config.logDirectory().resolve("keycloak.log"))
                .withStartupTimeout(config.startupTimeout());
        KeycloakServer server = KeycloakServer.start(config.startupCacheDirectory().map(options::withStartupCaches)
                .orElse(options));
        if (server.trainsStartupCache()) {
            progress.accept(StartupCache.trainingNotice("Keycloak"));
        }
        return server;
    }

    private ManagedProcess launch(Service service) {
        Path app = config.repositoryRoot().resolve(service.moduleDirectory()).resolve("target/quarkus-app");
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project with ./mvnw package -DskipTests");
        }
        Optional<StartupCache> cache = startupCache(service.displayName(), app);
        List<String> command = java(cache, List.of("-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
        return trained(cache, ManagedProcess.start(service.displayName(), command, environment(service),
                config.repositoryRoot(), config.logDirectory().resolve(service.displayName() + ".log")));
    }

    /** The start-up cache of a process run from {@code build}, when the stack uses them. */
    private Optional<StartupCache> startupCache(String name, Path build) {
        return config.startupCacheDirectory().map(directory -> StartupCache.of(directory, name, build,
                config.jvmOptions()));
    }

    /** Remembers a process that trains its cache, to be written while it runs or when it stops. */
    private ManagedProcess trained(Optional<StartupCache> cache, ManagedProcess process) {
        cache.filter(c -> !c.exists()).ifPresent(c -> {
            trainings.put(process, c);
            progress.accept(StartupCache.trainingNotice(process.name()));
        });
        return process;
    }

    /** Stops a process gracefully; one that trains its cache gets the time to write it. */
    private void stop(ManagedProcess process, long graceSeconds) {
        StartupCache training = trainings.remove(process);
        if (training == null) {
            process.stop(graceSeconds);
            return;
        }
        if (training.isRecording()) {
            progress.accept(process.name() + " writes its start-up cache …");
        }
        training.stopTraining(process, graceSeconds);
    }

    private Map<String, String> environment(Service service) {
        String realm = "http://localhost:" + config.keycloakPort() + "/realms/" + KeycloakServer.REALM;
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(config.port(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://localhost:" + config.postgresPort() + "/" + service.database());
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER);
        // Quarkus hands every kafka.* setting to the Kafka clients it builds; KAFKA_SASL_JAAS_CONFIG is one.
        kafkaClientProperties().forEach((key, value) ->
                env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        // Fault runs and tests kill services: a killed consumer's partitions move to its successor after 10 s
        // instead of Kafka's default of 45 s, during which its group would apply nothing.
        env.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", realm);
        env.put("EFA_OIDC_CLIENT_URL", realm);
        // The services run their production profile, which has no secret built in: the demo realm's client secret
        // is given here, the database password above. Swagger UI, off in production, is the local stack's API docs.
        env.put("EFA_OIDC_CLIENT_SECRET", "marketplace-secret");
        env.put("QUARKUS_SWAGGER_UI_ENABLED", "true");
        env.put("EFA_DEMO_DATA_ENABLED", String.valueOf(config.demoData()));
        // The demo providers' brokers are at {demo provider}/brokers/{providerId}.
        env.put("EFA_DEMO_DATA_BROKER_URL", config.url(Service.DEMO_PROVIDER));
        env.put("DEMO_PROVIDER_PUBLIC_URL", config.url(Service.DEMO_PROVIDER));
        env.put("EFA_CATALOG_URL", config.url(Service.CATALOG));
        env.put("EFA_TENANT_URL", config.url(Service.TENANT));
        env.put("EFA_MARKETPLACE_URL", config.url(Service.MARKETPLACE));
        // The services run their production profile, whose broker URL policy refuses plain http and loopback
        // addresses; the stack's demo provider is both.
        env.put("EFA_PROVISIONING_BROKER_ALLOW_LIST", "localhost");
        // Log files to be read by people: lines of text with their trace id, not the production profile's JSON.
        env.put("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(config.extraEnvironment().getOrDefault(service, Map.of()));
        return env;
    }

    private void awaitReady(Service service) {
        services.get(service).awaitHttpOk(URI.create(config.url(service) + "/q/health/ready"),
                config.startupTimeout());
        progress.accept(service.displayName() + " ready at " + config.url(service));
    }

    /** The JDK running the launcher, with the stack's JVM options and those of the cache, then {@code arguments}. */
    private List<String> java(Optional<StartupCache> cache, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.jvmOptions());
        cache.ifPresent(c -> command.addAll(c.jvmOptions()));
        command.addAll(arguments);
        return command;
    }

    /** The launcher's own libraries: the Kafka broker runs from the same jars in a process of its own. */
    private Path launcherLibraries() {
        return config.repositoryRoot().resolve("deploy/stack/target/lib");
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** Stops every process it started, services first, so that nothing is left running. */
    @Override
    public void close() {
        closing = true;
        List<ManagedProcess> running = new ArrayList<>(services.values());
        services.clear();
        running.parallelStream().forEach(process -> stop(process, 20));
        if (keycloak == null && keycloakStart != null) {
            keycloak = keycloakStart.exceptionally(failure -> null).join();
        }
        if (keycloak != null) {
            if (keycloak.trainsStartupCache()) {
                progress.accept("Keycloak writes its start-up cache …");
            }
            keycloak.close();
        }
        if (kafka != null) {
            stop(kafka, 30);
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
