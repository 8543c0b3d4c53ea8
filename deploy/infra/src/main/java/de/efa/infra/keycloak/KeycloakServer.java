package de.efa.infra.keycloak;

import de.efa.infra.net.Ports;
import de.efa.infra.process.StartupCache;
import de.efa.infra.process.ManagedProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Keycloak ({@code start-dev}) as a child process, with the realm {@value #REALM} imported from the
 * repository's realm file. It keeps its database in a data directory of the caller's choosing: the local stack's
 * own folder (kept across restarts, wiped by a reset) or a fresh temporary one (tests).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "efa";
    /** The bootstrap administrator's name in the master realm (README: local stack only). */
    public static final String ADMIN_USERNAME = "admin";
    /** The bootstrap administrator's password: a demo account of the local stack, as the README lists it. */
    public static final String ADMIN_PASSWORD = "admin";

    private final ManagedProcess process;
    private final int port;
    /** The start-up cache this server trains, written while it runs or at its stop; empty when it uses one or none. */
    private final Optional<StartupCache> training;

    private KeycloakServer(ManagedProcess process, int port, Optional<StartupCache> training) {
        this.process = process;
        this.port = port;
        this.training = training;
    }

    /** Starts Keycloak and returns once the realm answers; fails with the end of Keycloak's log otherwise. */
    public static KeycloakServer start(Options options) {
        Ports.requireFree(options.port(), "Keycloak");
        KeycloakInstallation installation =
                KeycloakInstallation.ensure(options.distribution(), options.cacheDirectory());
        installation.provideRealm(options.realmFile());
        try (KeycloakInstallation.FirstStartLock lock = installation.lockForFirstStart()) {
            // Not on the first start: it re-builds the server, and with it the jars a cache would be made of.
            Optional<StartupCache> cache = options.startupCacheDirectory().filter(directory -> installation.isBuilt())
                    .map(directory -> StartupCache.of(directory, "keycloak", installation.home().resolve("lib"),
                            javaOptions(options)));
            KeycloakServer server = new KeycloakServer(launch(installation.home(), options, cache), options.port(),
                    cache.filter(c -> !c.exists()));
            try {
                server.process.awaitHttpOk(URI.create("http://127.0.0.1:" + server.port + "/realms/" + REALM
                        + "/.well-known/openid-configuration"), options.startupTimeout());
                lock.markBuilt();
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }

    /** The realm's base URL; also its token issuer, whichever address a client used. */
    public String realmUrl() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** Whether this server trains a start-up cache not written yet: its stop then takes longer, to write it. */
    public boolean trainsStartupCache() {
        return startupCacheInTraining().isPresent();
    }

    /** The start-up cache this server trains and has not written yet, if any. */
    public Optional<StartupCache> startupCacheInTraining() {
        return training.filter(StartupCache::isRecording);
    }

    /** Writes the start-up cache this server trains while it runs ({@link StartupCache#writeNow}); whether it did. */
    public boolean writeStartupCache() {
        return startupCacheInTraining().map(cache -> cache.writeNow(process)).orElse(false);
    }

    @Override
    public void close() {
        training.ifPresentOrElse(cache -> cache.stopTraining(process, 20), () -> process.stop(20));
    }

    private static ManagedProcess launch(Path home, Options options, Optional<StartupCache> cache) {
        Path data = createDirectories(options.dataDirectory().toAbsolutePath());
        int port = options.port();
        List<String> command = List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                // Fixes the issuer to localhost, which services and users are configured with.
                "--hostname=http://localhost:" + port,
                "--import-realm",
                // Only runtime options here: changing a build option (such as --db) would make Keycloak re-build
                // itself (~25 s) on the next start. The URL is the default dev-file one, moved into the data dir.
                "--db-url=jdbc:h2:file:" + data.resolve("h2").resolve("keycloakdb")
                        + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE",
                // The transaction log belongs to this database, not to the installation that all servers share.
                "-Dquarkus.transaction-manager.object-store.directory=" + data.resolve("transaction-logs"));
        Map<String, String> environment = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // The JDK running this code, not whatever JAVA_HOME or PATH happen to offer.
                "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "JAVA_OPTS", String.join(" ", javaOptions(options)) + cache.map(c -> " "
                        + String.join(" ", c.jvmOptions())).orElse(""));
        return ManagedProcess.start("Keycloak", command, environment, home, options.logFile());
    }

    /**
     * Replaces kc.sh's defaults, which are made for a server under load. Here Keycloak answers a handful of token
     * requests: C2's work at start-up (and at the first start's re-build) never pays off, nor do G1's concurrent
     * threads on 2 cores. C1 and the serial collector start it ~25 % sooner; C1 alone would get a 48 MB code cache,
     * too small for Keycloak in the long run.
     */
    private static List<String> javaOptions(Options options) {
        return List.of("-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m", "-Dfile.encoding=UTF-8",
                "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=128m", "-Xms64m", "-Xmx" + options.maxHeap());
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + directory + ": " + e, e);
        }
    }

    /**
     * What to start: the distribution zip ({@code org.keycloak:keycloak-quarkus-dist}), the directory it is unpacked
     * into once (a subfolder named after the zip's root folder, e.g. {@code keycloak-26.7.3}), the directory that
     * holds this server's database, the HTTP port, the realm file ({@code *-realm.json}, defining realm
     * {@value #REALM}), the log file, the maximum heap ({@code -Xmx} value), how long to wait for readiness, and
     * where start-up caches are kept, if the server is to use one ({@link StartupCache}).
     */
    public record Options(Path distribution, Path cacheDirectory, Path dataDirectory, int port, Path realmFile,
                          Path logFile, String maxHeap, Duration startupTimeout, Optional<Path> startupCacheDirectory) {

        public static final Path DEFAULT_CACHE_DIRECTORY =
                Path.of(System.getProperty("user.home"), ".cache", "efa-marketplace");

        /** Defaults: the shared cache directory, the log in the data directory, 512 MB heap, 120 s to start. */
        public static Options of(Path distribution, Path realmFile, Path dataDirectory, int port) {
            return new Options(distribution, DEFAULT_CACHE_DIRECTORY, dataDirectory, port, realmFile,
                    dataDirectory.resolve("keycloak.log"), "512m", Duration.ofSeconds(120), Optional.empty());
        }

        public Options withCacheDirectory(Path directory) {
            return new Options(distribution, directory, dataDirectory, port, realmFile, logFile, maxHeap,
                    startupTimeout, startupCacheDirectory);
        }

        public Options withLogFile(Path file) {
            return new Options(distribution, cacheDirectory, dataDirectory, port, realmFile, file, maxHeap,
                    startupTimeout, startupCacheDirectory);
        }

        public Options withMaxHeap(String heap) {
            return new Options(distribution, cacheDirectory, dataDirectory, port, realmFile, logFile, heap,
                    startupTimeout, startupCacheDirectory);
        }

        public Options withStartupTimeout(Duration timeout) {
            return new Options(distribution, cacheDirectory, dataDirectory, port, realmFile, logFile, maxHeap,
                    timeout, startupCacheDirectory);
        }

        public Options withStartupCaches(Path directory) {
            return new Options(distribution, cacheDirectory, dataDirectory, port, realmFile, logFile, maxHeap,
                    startupTimeout, Optional.of(directory));
        }
    }
}
