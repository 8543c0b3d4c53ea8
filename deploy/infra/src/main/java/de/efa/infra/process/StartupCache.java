package de.efa.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A start-up cache for the JVM of one part of the stack (a service, Kafka, Keycloak): the classes it loads at start,
 * already parsed, verified and linked. On JDK 25 and later it is the ahead-of-time cache (JEP 483, 514, 515), which
 * also holds the profiles of the hot methods; on earlier JDKs a dynamic class-data sharing archive (JEP 350). Both
 * cover every class of the flat classpath of Quarkus' {@code aot-jar} packaging.
 *
 * <p>A cache belongs to one build and one JVM: its name carries a fingerprint of the JDK, the JVM options and every
 * file of the build (path, size, time), so a rebuilt jar, another JDK or other options look for a cache of their
 * own. The JVM checks the classpath itself as well and runs without a cache it cannot use, so a wrong match costs
 * time, never correctness.
 *
 * <p>Without a cache for its build the process trains one: it runs with {@code -XX:AOTCacheOutput} (or
 * {@code -XX:ArchiveClassesAtExit}), and the JVM writes what it loaded when the launcher asks it to while it runs
 * ({@link #writeNow}, JDK 25 and later) or else when it is stopped gracefully. It writes into a file of its own,
 * moved into place only once the JVM said it finished, so that a process killed while writing leaves no broken
 * cache behind.
 */
public final class StartupCache {

    /** The first JDK with {@code -XX:AOTCacheOutput} (JEP 514) and method profiles in the cache (JEP 515). */
    private static final boolean AHEAD_OF_TIME = Runtime.version().feature() >= 25;

    /** Caches of earlier builds kept per process name: a developer switching between two branches trains once each. */
    private static final int KEPT_PER_NAME = 2;

    private static final String SUFFIX = AHEAD_OF_TIME ? ".aot" : ".jsa";

    /** Time to write a cache on a busy 2-core machine, where every process of the stack writes its own at once. */
    private static final long WRITE_SECONDS = 180;

    /** Time to write one cache while the stack runs, one process at a time (10-30 s each on 2 cores). */
    private static final long WRITE_WHILE_RUNNING_SECONDS = 120;

    private final Path cache;
    private final Path training;
    /** Changed under the lock of {@code this}; read without it for messages and to skip what is settled. */
    private volatile Training state = Training.RECORDING;

    private enum Training {
        /** The JVM records; it writes the cache when asked ({@link #writeNow}) or at a graceful stop. */
        RECORDING,
        /** The cache is in place. */
        WRITTEN,
        /** A write began and was not confirmed: what it left may be half a file, so nothing of this run is used. */
        ABANDONED
    }

    private StartupCache(Path cache, Path training) {
        this.cache = cache;
        this.training = training;
    }

    /** The cache of the process {@code name} run from the files under {@code build} with {@code jvmOptions}. */
    public static StartupCache of(Path directory, String name, Path build, List<String> jvmOptions) {
        String file = name + "-" + fingerprint(build, jvmOptions);
        return new StartupCache(directory.resolve(file + SUFFIX),
                directory.resolve(file + "-" + ProcessHandle.current().pid() + ".training"));
    }

    /** What the JVM running the launcher, and with it the stack's JVMs, makes of a cache, for messages. */
    public static String kind() {
        return AHEAD_OF_TIME ? "JDK " + Runtime.version().feature() + " ahead-of-time cache"
                : "JDK " + Runtime.version().feature() + " class-data sharing archive";
    }

    /** Whether a start uses the cache (true) or trains it (false). */
    public boolean exists() {
        return Files.isRegularFile(cache);
    }

    /** The JVM options that use the cache, or train it when there is none yet. */
    public List<String> jvmOptions() {
        if (exists()) {
            // JDK 25 warns at every start that some of the cache's call adapters do not match this JVM's and are
            // made anew; its errors (a cache it cannot use) are still logged.
            return AHEAD_OF_TIME ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=error")
                    : List.of("-XX:SharedArchiveFile=" + cache);
        }
        try {
            Files.createDirectories(cache.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + cache.getParent() + ": " + e, e);
        }
        return List.of((AHEAD_OF_TIME ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + training);
    }

    /** What the launcher says of a process that trains its cache. */
    public static String trainingNotice(String processName) {
        return processName + " trains its start-up cache (" + kind() + "), used from its next start on";
    }

    /** Whether {@link #writeNow} can write a cache while its process runs: from JDK 25 on. */
    public static boolean writesWhileRunning() {
        return AHEAD_OF_TIME;
    }

    /**
     * Writes the cache of {@code process}, which trains it, while the process goes on running: JDK 25's
     * {@code AOT.end_recording} (through {@code jcmd}) ends the recording and assembles the cache from what the
     * process has loaded and run so far, its start. Then the stop is as quick as any, and a process killed later
     * keeps its cache. Returns whether the cache is in place; false before JDK 25, whose archive is written at the
     * stop, and when {@code jcmd} could not reach the JVM (a process that is exiting, say), in which case the stop
     * writes it. A write that reached the JVM and did not end well (interrupted by a Ctrl-C, a crash, a timeout)
     * leaves no cache of this run: the next start trains again.
     */
    public synchronized boolean writeNow(ManagedProcess process) {
        if (!AHEAD_OF_TIME || state != Training.RECORDING || !process.isAlive()) {
            return state == Training.WRITTEN;
        }
        OptionalLong jvm = process.jvmPid();
        if (jvm.isEmpty()) {
            return false;
        }
        Path answer = training.resolveSibling(training.getFileName() + ".jcmd");
        Process call = null;
        String said = "";
        try {
            call = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(jvm.getAsLong()), "AOT.end_recording")
                    .redirectErrorStream(true).redirectOutput(answer.toFile()).start();
            boolean ended = call.waitFor(WRITE_WHILE_RUNNING_SECONDS, TimeUnit.SECONDS);
            said = Files.readString(answer, StandardCharsets.UTF_8);
            if (ended && call.exitValue() == 0 && said.contains("Recording ended successfully") && putInPlace()) {
                state = Training.WRITTEN;
                return true;
            }
        } catch (IOException e) {
            // Unconfirmed: decided below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (call != null) {
                call.destroyForcibly();
            }
            deleteQuietly(answer);
        }
        if (call == null || said.contains("AttachNotSupportedException")) {
            return false;
        }
        state = Training.ABANDONED;
        removeTrainingFiles();
        return false;
    }

    /** Whether the JVM still records: its cache is neither written nor abandoned, and its stop will write it. */
    public boolean isRecording() {
        return state == Training.RECORDING;
    }

    /** Whether the cache of this training run is in place. */
    public boolean isWritten() {
        return state == Training.WRITTEN;
    }

    /**
     * Stops {@code process}, which trains this cache, gracefully. While the JVM still records it gets the time to
     * write the cache, which it assembles as it exits, and the cache is put in place; a write in progress
     * ({@link #writeNow}) is waited for.
     */
    public synchronized void stopTraining(ManagedProcess process, long graceSeconds) {
        if (state == Training.RECORDING) {
            finishTraining(process.stop(WRITE_SECONDS));
        } else {
            process.stop(graceSeconds);
            removeTrainingFiles();
        }
    }

    /**
     * After the process has ended: puts what a training run wrote in place when the process ended by itself
     * ({@code graceful}), removes it otherwise, and drops the caches of older builds of the same process.
     */
    public synchronized void finishTraining(boolean graceful) {
        if (state == Training.RECORDING && graceful && putInPlace()) {
            state = Training.WRITTEN;
        }
        removeTrainingFiles();
    }

    private void removeTrainingFiles() {
        deleteQuietly(training);
        // The JVM's own intermediate file, left behind when it was stopped before it assembled the cache.
        deleteQuietly(training.resolveSibling(training.getFileName() + ".config"));
    }

    /** Moves what the training run wrote into place; false when it wrote nothing (the next start trains again). */
    private boolean putInPlace() {
        try {
            if (Files.isRegularFile(training) && Files.size(training) > 0) {
                Files.move(training, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try {
                    pruneOlder();
                } catch (IOException e) {
                    // The older builds' caches stay until the next cache is written; this one is in place.
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover file of a training run; the name of the next one differs.
        }
    }

    private void pruneOlder() throws IOException {
        String name = cache.getFileName().toString();
        String prefix = name.substring(0, name.lastIndexOf('-') + 1);
        try (Stream<Path> files = Files.list(cache.getParent())) {
            List<Path> older = files.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .filter(path -> path.getFileName().toString().endsWith(SUFFIX))
                    .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()))
                    .skip(KEPT_PER_NAME)
                    .toList();
            for (Path path : older) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * What the cache depends on: the JDK, the JVM options and every file of the build by its path inside the build,
     * size and modification time. Relative paths, so that a copy that keeps the times (the benchmarks' snapshot of
     * the build) finds the cache trained by the original; the JVM accepts a classpath moved as a whole.
     */
    private static String fingerprint(Path build, List<String> jvmOptions) {
        try (Stream<Path> files = Files.walk(build)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, Runtime.version() + "|" + System.getProperty("java.home") + "|" + jvmOptions);
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, build.relativize(file) + "|" + Files.size(file) + "|"
                        + Files.getLastModifiedTime(file).toMillis());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the build in " + build + ": " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }
}
