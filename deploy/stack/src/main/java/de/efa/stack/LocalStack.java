package de.efa.stack;

import de.efa.infra.net.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The README's local stack: starts everything on the README's ports with demo data, prints where to find it, and
 * stops every process on Ctrl-C. Data lives under {@code .local/} and survives restarts; {@code --reset}
 * wipes it first. {@code --kafka-sasl} makes Kafka require a login (SASL) of every client, as in production.
 */
public final class LocalStack {

    /** Used by the script before it builds: a running stack must not have its jars rebuilt under it. */
    private static final String CHECK_PORTS = "--check-ports";
    /** Used by the script when the services are out of date: build them while the infrastructure starts. */
    private static final String BUILD_SERVICES = "--build-services";
    private static final String RESET = "--reset";
    private static final String KAFKA_SASL = "--kafka-sasl";

    private LocalStack() {
    }

    private static void checkPortsAndExit(StackConfig config) {
        try {
            Stack.requirePortsFree(config);
            System.exit(0);
        } catch (Ports.PortTakenException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = new ArrayList<>(List.of(args));
        Path buildStamp = takeValue(options, BUILD_SERVICES);
        if (options.contains("--help") || !List.of(RESET, KAFKA_SASL, CHECK_PORTS).containsAll(options)) {
            System.out.println("""
                    usage: deploy/local-stack.sh [--reset] [--kafka-sasl]
                      --reset       wipes the data under .local/ first
                      --kafka-sasl  Kafka requires every client to log in (SASL_PLAINTEXT, SCRAM-SHA-512)""");
            System.exit(options.contains("--help") ? 0 : 2);
        }
        Path data = StackConfig.defaultRepositoryRoot().resolve(".local");
        StackConfig local = StackConfig.local(data);
        StackConfig config = options.contains(KAFKA_SASL) ? local.withKafkaSasl() : local;
        if (options.contains(CHECK_PORTS)) {
            checkPortsAndExit(config);
        }
        if (options.contains(RESET)) {
            System.out.println("wiping " + data);
            deleteRecursively(data);
        }
        Consumer<String> progress = line -> System.out.println("  " + line);
        Stack stack;
        try (ServicesBuild build = buildStamp == null ? null : startBuild(config, buildStamp, progress)) {
            stack = Stack.start(config, progress, build == null ? () -> { } : () -> awaitBuild(build, progress));
        } catch (Ports.PortTakenException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("error: the stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the stack …");
            stack.close();
            System.out.println("stopped; data kept in " + data);
        }, "stack-shutdown"));
        System.out.println(Banner.of(stack));
        writeStartupCachesMeanwhile(stack);
        Thread.currentThread().join();
    }

    /** After a build the processes train their start-up caches: written in the background, told when done. */
    private static void writeStartupCachesMeanwhile(Stack stack) {
        Thread writer = new Thread(stack::writeStartupCaches, "startup-caches");
        writer.setDaemon(true);
        writer.start();
    }

    private static ServicesBuild startBuild(StackConfig config, Path stamp, Consumer<String> progress) {
        Path log = config.logDirectory().resolve("build.log");
        progress.accept("building the services meanwhile (log: " + log + ")");
        return ServicesBuild.start(config.repositoryRoot(), config.repositoryRoot().resolve(stamp), log);
    }

    private static void awaitBuild(ServicesBuild build, Consumer<String> progress) {
        progress.accept("waiting for the build of the services");
        progress.accept(String.format("services built in %.1f s", build.await().toMillis() / 1e3));
    }

    /** Removes {@code option} and the value after it from {@code options}; null when it is not there. */
    private static Path takeValue(List<String> options, String option) {
        int index = options.indexOf(option);
        if (index < 0) {
            return null;
        }
        if (index + 1 >= options.size()) {
            System.err.println("error: " + option + " needs a value");
            System.exit(2);
        }
        Path value = Path.of(options.get(index + 1));
        options.subList(index, index + 2).clear();
        return value;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not wipe " + directory, e);
        }
    }
}
