package de.efa.infra.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A start-up cache is found only for the build, JDK and options that trained it, and only once fully written. */
class StartupCacheTest {

    private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    @TempDir
    Path build;
    @TempDir
    Path caches;

    @Test
    void aStartWithoutACacheTrainsOneThatTheNextStartUses() throws IOException {
        Files.writeString(build.resolve("app.jar"), "classes");
        StartupCache first = StartupCache.of(caches, "catalog-service", build, OPTIONS);

        String training = first.jvmOptions().get(0);
        assertThat(training).matches("-XX:(AOTCacheOutput|ArchiveClassesAtExit)=.*");
        Files.writeString(Path.of(training.substring(training.indexOf('=') + 1)), "cache");
        first.finishTraining(true);

        StartupCache next = StartupCache.of(caches, "catalog-service", build, OPTIONS);
        assertThat(next.exists()).isTrue();
        assertThat(next.jvmOptions().get(0)).matches("-XX:(AOTCache|SharedArchiveFile)=.*");
        try (var files = Files.list(caches)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("training"));
        }
    }

    @Test
    void aProcessThatDidNotEndByItselfLeavesNoCache() throws IOException {
        Files.writeString(build.resolve("app.jar"), "classes");
        StartupCache cache = StartupCache.of(caches, "catalog-service", build, OPTIONS);
        String training = cache.jvmOptions().get(0);
        Files.writeString(Path.of(training.substring(training.indexOf('=') + 1)), "half a cache");

        cache.finishTraining(false);

        assertThat(StartupCache.of(caches, "catalog-service", build, OPTIONS).exists()).isFalse();
        try (var files = Files.list(caches)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aProcessWithoutAJvmIsNotAskedToWriteAndItsStopStillWrites(@TempDir Path logs) throws IOException {
        Files.writeString(build.resolve("app.jar"), "classes");
        StartupCache cache = StartupCache.of(caches, "catalog-service", build, OPTIONS);
        String training = cache.jvmOptions().get(0);
        try (ManagedProcess script = ManagedProcess.start("script", List.of("bash", "-c", "echo up; sleep 30"),
                Map.of(), logs, logs.resolve("script.log"))) {
            script.awaitLogLine("up", Duration.ofSeconds(10));

            assertThat(cache.writeNow(script)).isFalse();
            assertThat(cache.isRecording()).isTrue();
            try (var files = Files.list(caches)) {
                assertThat(files).isEmpty();
            }

            Files.writeString(Path.of(training.substring(training.indexOf('=') + 1)), "cache");
            cache.stopTraining(script, 5);
        }
        assertThat(cache.isWritten()).isTrue();
        assertThat(StartupCache.of(caches, "catalog-service", build, OPTIONS).exists()).isTrue();
    }

    @Test
    void aRebuiltJarOrOtherOptionsLookForACacheOfTheirOwn() throws IOException {
        Path jar = Files.writeString(build.resolve("app.jar"), "classes");
        StartupCache cache = StartupCache.of(caches, "catalog-service", build, OPTIONS);
        String training = cache.jvmOptions().get(0);
        Files.writeString(Path.of(training.substring(training.indexOf('=') + 1)), "cache");
        cache.finishTraining(true);

        assertThat(StartupCache.of(caches, "catalog-service", build, List.of()).exists()).isFalse();
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(StartupCache.of(caches, "catalog-service", build, OPTIONS).exists()).isFalse();
    }
}
