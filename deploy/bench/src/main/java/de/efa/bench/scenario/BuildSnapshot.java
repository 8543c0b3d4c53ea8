package de.efa.bench.scenario;

import de.efa.stack.Service;
import de.efa.stack.StackConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of what the stack runs (each service's {@code quarkus-app}, the Kafka classpath, the realm),
 * inside the run's own directory. A run takes minutes; a rebuild in the working tree meanwhile (another terminal,
 * an IDE) would otherwise replace jars under running processes or between a kill and a restart.
 */
final class BuildSnapshot {

    private BuildSnapshot() {
    }

    /** A shared 2-core machine under load can take minutes where an idle one takes seconds. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);

    /** The same stack, started from a copy of the build taken now, with patience for a loaded machine. */
    static StackConfig of(StackConfig config) {
        Path source = config.repositoryRoot();
        Path target = config.dataDirectory().resolve("build");
        List<String> parts = new ArrayList<>();
        for (Service service : Service.values()) {
            parts.add(service.moduleDirectory() + "/target/quarkus-app");
        }
        parts.add("deploy/stack/target/lib");
        parts.add("deploy/keycloak");
        for (String part : parts) {
            copy(source.resolve(part), target.resolve(part));
        }
        return new StackConfig(target, config.dataDirectory(), config.keycloakDistribution(), config.postgresPort(),
                config.kafkaPort(), config.kafkaControllerPort(), config.keycloakPort(), config.servicePorts(),
                config.demoData(), config.extraEnvironment(), STARTUP_TIMEOUT, config.jvmOptions(), config.kafkaUser(),
                config.startupCacheDirectory());
    }

    private static void copy(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException(from + " is missing: build the project with ./mvnw package -DskipTests");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    // With their times: the JVM accepts a start-up cache only for jars of the same time and
                    // size, so the copy can use the caches that the local stack or an earlier run trained.
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + ": " + e.getMessage(), e);
        }
    }
}
