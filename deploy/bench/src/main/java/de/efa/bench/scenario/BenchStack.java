package de.efa.bench.scenario;

import de.efa.bench.client.Accounts;
import de.efa.bench.client.Endpoint;
import de.efa.stack.Service;
import de.efa.stack.Stack;
import de.efa.stack.StackConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The scenario's own stack on free ports in a throw-away directory (never the local stack's), with the demo
 * accounts' tokens. Closing it stops every process and removes the directory.
 */
public final class BenchStack implements AutoCloseable {

    private Stack stack;
    private final Accounts accounts;
    private final Duration startTime;

    private BenchStack(Stack stack, Duration startTime) {
        this.stack = stack;
        this.accounts = new Accounts(stack.realmUrl());
        this.startTime = startTime;
    }

    public static BenchStack start(BenchLog log) {
        return start(StackConfig.ephemeral(), log);
    }

    /**
     * Starts a stack whose JVMs run as the local stack's do (the start-up targets are the local stack's): its JVM
     * options and start-up caches, trained where missing.
     */
    public static BenchStack likeTheLocalStack(BenchLog log) {
        return start(StackConfig.ephemeral().withLocalStackJvmOptions().withStartupCaches(), log);
    }

    /** Starts a stack whose JVMs take the local stack's options (C1 only), without its start-up caches. */
    public static BenchStack withLocalStackJvmOptions(BenchLog log) {
        return start(StackConfig.ephemeral().withLocalStackJvmOptions(), log);
    }

    /** Starts a stack whose demo provider has extra environment (fault settings, provisioning time). */
    public static BenchStack withDemoProvider(Map<String, String> environment, BenchLog log) {
        return start(StackConfig.ephemeral().withEnvironment(Service.DEMO_PROVIDER, environment), log);
    }

    private static BenchStack start(StackConfig built, BenchLog log) {
        StackConfig config = BuildSnapshot.of(built);
        log.info("starting a stack in %s (logs in %s)", config.dataDirectory(), config.logDirectory());
        long started = System.nanoTime();
        Stack stack = Stack.start(config, line -> log.info("stack: %s", line));
        return new BenchStack(stack, Duration.ofNanos(System.nanoTime() - started));
    }

    public Stack stack() {
        return stack;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** How long {@link Stack#start} took, Keycloak included. */
    public Duration startTime() {
        return startTime;
    }

    public Endpoint as(Service service, Supplier<String> token) {
        return new Endpoint(stack.url(service), token);
    }

    public Endpoint anonymous(Service service) {
        return new Endpoint(stack.url(service), null);
    }

    /**
     * Stops every process, keeps the data, and starts the whole stack again on it, as a developer restarts the
     * local stack: Keycloak finds its realm, PostgreSQL and Kafka their data. Returns how long the start took.
     */
    public Duration restartKeepingData(BenchLog log) {
        StackConfig config = stack.config();
        stack.close();
        long started = System.nanoTime();
        stack = Stack.start(config, line -> log.info("stack: %s", line));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops everything and removes the run's data; the processes' logs stay for a look afterwards. */
    @Override
    public void close() {
        stack.close();
        Path directory = stack.config().dataDirectory();
        Path logs = stack.config().logDirectory();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).filter(path -> !path.startsWith(logs) && !path.equals(directory))
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + directory + ": " + e.getMessage());
        }
        System.out.println("stack stopped; its logs are in " + logs);
    }
}
