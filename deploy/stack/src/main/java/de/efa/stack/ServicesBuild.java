package de.efa.stack;

import de.efa.infra.process.ManagedProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Maven build of the services and the demo provider, run by the launcher while PostgreSQL, Kafka and Keycloak
 * start. On a first start Keycloak installs and builds itself, which takes about as long as this build; on 2 cores
 * the two overlap, so a new user waits for the longer of them rather than for both. The launcher itself (and the
 * infrastructure module it runs from) was built before; the benchmarks are not needed here.
 */
final class ServicesBuild implements AutoCloseable {

    // Generous: on a machine with an empty Maven repository the build downloads Quarkus first.
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final ManagedProcess maven;
    private final Path stamp;
    private final Instant started = Instant.now();

    private ServicesBuild(ManagedProcess maven, Path stamp) {
        this.maven = maven;
        this.stamp = stamp;
    }

    /** Starts the build; {@code stamp} is touched once it succeeded, so that the next start does not build again. */
    static ServicesBuild start(Path repositoryRoot, Path stamp, Path log) {
        List<String> command = List.of(repositoryRoot.resolve("mvnw").toString(), "-B", "-q", "package",
                "-Plaunch", "-pl", "!deploy/stack,!deploy/bench");
        return new ServicesBuild(ManagedProcess.start("the build of the services", command, Map.of(), repositoryRoot,
                log), stamp);
    }

    /** Waits for the build; fails with the end of its log when it failed. */
    Duration await() {
        if (maven.awaitExit(TIMEOUT) != 0) {
            throw new IllegalStateException("the build of the services failed" + maven.logTail());
        }
        touch(stamp);
        return Duration.between(started, Instant.now());
    }

    @Override
    public void close() {
        maven.stop(10);
    }

    private static void touch(Path file) {
        try {
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } else {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not touch " + file + ": " + e, e);
        }
    }
}
