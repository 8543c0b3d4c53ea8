package de.efa.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server distribution, unpacked once into a cache directory outside the repository and shared by the
 * local stack and every test: unpacking 169 MB on each start would cost more than the start itself. Several JVMs
 * may use one installation at the same time, so everything written into it is written atomically.
 */
final class KeycloakInstallation {

    private static final String REALM_FILE_SUFFIX = "-realm.json";
    private static final String BUILT_MARKER = ".efa-built";

    // FileLock guards against other JVMs only; within one JVM a second lock attempt would throw instead of wait.
    private static final ReentrantLock FIRST_START_IN_THIS_JVM = new ReentrantLock();

    private final Path home;

    private KeycloakInstallation(Path home) {
        this.home = home;
    }

    /** The installation of {@code distribution} under {@code cacheDirectory}, unpacking it if no one did before. */
    static KeycloakInstallation ensure(Path distribution, Path cacheDirectory) {
        try (ZipFile zip = new ZipFile(distribution.toFile())) {
            String root = rootFolder(zip);
            Path home = cacheDirectory.resolve(root);
            if (!Files.isDirectory(home)) {
                unpack(zip, cacheDirectory, root);
            }
            return new KeycloakInstallation(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be installed from " + distribution + ": " + e, e);
        }
    }

    Path home() {
        return home;
    }

    /** Whether a first start has built the server for development mode; until then its {@code lib/} changes. */
    boolean isBuilt() {
        return Files.exists(home.resolve(BUILT_MARKER));
    }

    /** Puts the realm file where {@code --import-realm} finds it; Keycloak imports it if the realm does not exist. */
    void provideRealm(Path realmFile) {
        String name = realmFile.getFileName().toString();
        if (!name.endsWith(REALM_FILE_SUFFIX)) {
            // Keycloak would silently skip it and the realm would be missing.
            throw new IllegalArgumentException("Keycloak imports only files named *" + REALM_FILE_SUFFIX + ": " + name);
        }
        try {
            Path importDirectory = Files.createDirectories(home.resolve("data").resolve("import"));
            // Another Keycloak of this installation may be reading the file right now: it must see a whole one.
            Path staging = Files.createTempFile(importDirectory, "." + name, ".tmp");
            Files.copy(realmFile, staging, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staging, importDirectory.resolve(name),
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("realm file " + realmFile + " could not be provided to Keycloak: " + e, e);
        }
    }

    /**
     * Makes the first start of this installation run alone. That start re-builds the server for development mode,
     * writing into {@code lib/}; two such builds at once would corrupt each other. Later starts do not wait.
     */
    FirstStartLock lockForFirstStart() {
        Path marker = home.resolve(BUILT_MARKER);
        if (Files.exists(marker)) {
            return new FirstStartLock(marker, null);
        }
        FIRST_START_IN_THIS_JVM.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(home.resolve(".efa-build.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new FirstStartLock(marker, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            FIRST_START_IN_THIS_JVM.unlock();
            throw new IllegalStateException("could not lock the Keycloak installation " + home + ": " + e, e);
        }
    }

    /** Held while a start runs that may be the first; {@link #markBuilt()} once the server answered. */
    static final class FirstStartLock implements AutoCloseable {

        private final Path marker;
        /** Holds the file lock (closing it releases the lock); null when the installation was built already. */
        private final FileChannel lockedChannel;

        private FirstStartLock(Path marker, FileChannel lockedChannel) {
            this.marker = marker;
            this.lockedChannel = lockedChannel;
        }

        void markBuilt() {
            if (lockedChannel == null) {
                return;
            }
            try {
                Files.newOutputStream(marker, StandardOpenOption.CREATE).close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not mark the Keycloak installation as built: " + e, e);
            }
        }

        @Override
        public void close() {
            if (lockedChannel == null) {
                return;
            }
            closeQuietly(lockedChannel);
            FIRST_START_IN_THIS_JVM.unlock();
        }
    }

    private static String rootFolder(ZipFile zip) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        if (!entries.hasMoreElements()) {
            throw new IOException("the distribution is empty");
        }
        String first = entries.nextElement().getName();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            throw new IOException("the distribution has no root folder: " + first);
        }
        return first.substring(0, slash);
    }

    // Unpacks beside the target and renames it into place, so that a half-unpacked installation (a crash, a
    // concurrent installer) is never taken for a complete one.
    private static void unpack(ZipFile zip, Path cacheDirectory, String root) throws IOException {
        Files.createDirectories(cacheDirectory);
        Path staging = Files.createTempDirectory(cacheDirectory, "." + root + "-");
        try {
            extract(zip, staging);
            makeScriptsExecutable(staging.resolve(root).resolve("bin"));
            Path home = cacheDirectory.resolve(root);
            try {
                Files.move(staging.resolve(root), home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(home)) {
                    throw e;
                }
                // Another process was faster; its installation is as good as this one.
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void extract(ZipFile zip, Path target) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("entry outside the distribution: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else {
                Files.createDirectories(path.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, path);
                }
            }
        }
    }

    // java.util.zip does not keep file modes, but kc.sh must be executable.
    private static void makeScriptsExecutable(Path bin) throws IOException {
        try (Stream<Path> files = Files.list(bin)) {
            files.filter(file -> file.getFileName().toString().endsWith(".sh"))
                    .forEach(script -> script.toFile().setExecutable(true, false));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through it, and the operating system drops its lock anyway.
        }
    }
}
