package de.efa.stack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launchers' check whether a build is due (deploy/build-if-stale.sh), run by bash in a stand-in repository whose
 * Maven wrapper only writes down how it was called.
 */
class StaleBuildTest {

    private static final Path SCRIPT = Path.of("../build-if-stale.sh").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("catalog-service", "tenant-service", "marketplace-service",
            "deploy/demo-provider", "portal");
    private static final String STAMP = "deploy/stack/target/stack.built";

    @TempDir
    Path repository;

    @BeforeEach
    void aBuiltRepository() throws IOException, InterruptedException {
        Path mvnw = Files.writeString(repository.resolve("mvnw"), "#!/bin/sh\necho \"$*\" >> maven-calls\n");
        assertThat(mvnw.toFile().setExecutable(true)).isTrue();
        Files.writeString(repository.resolve("pom.xml"), "<project/>");
        for (String service : SERVICES) {
            write(service + "/target/quarkus-app/quarkus-run.jar", "jar");
        }
        write("tenant-service/src/main/resources/db/migration/V1__tenants.sql", "CREATE TABLE tenant ();");
        write("tenant-service/src/main/java/Tenant.java", "class Tenant {}");
        write("deploy/stack/target/efa-stack.jar", "the launcher");
        assertThat(bash("build_if_stale " + STAMP + " services")).isZero();
        Files.delete(repository.resolve("maven-calls"));
        ageSources();
    }

    @Test
    void nothingIsBuiltWhenNoSourceChanged() throws IOException, InterruptedException {
        assertThat(bash("is_stale " + STAMP)).isEqualTo(1);
        assertThat(bash("build_if_stale " + STAMP + " services")).isZero();

        assertThat(repository.resolve("maven-calls")).doesNotExist();
    }

    @Test
    void aChangedSourceIsBuiltWithoutRemovingTheOutputs() throws IOException, InterruptedException {
        write("tenant-service/src/main/java/Tenant.java", "class Tenant { int population; }");

        assertThat(bash("build_if_stale " + STAMP + " services")).isZero();

        assertThat(Files.readAllLines(repository.resolve("maven-calls"))).containsExactly("-B -q package -Plaunch");
    }

    @Test
    void aRenamedMigrationIsBuiltFromNothing() throws IOException, InterruptedException {
        Path migrations = repository.resolve("tenant-service/src/main/resources/db/migration");
        Files.move(migrations.resolve("V1__tenants.sql"), migrations.resolve("V1__tenant.sql"));
        ageSources();

        assertThat(bash("is_stale " + STAMP)).isZero();
        assertThat(bash("build_if_stale " + STAMP + " services")).isZero();

        assertThat(Files.readAllLines(repository.resolve("maven-calls")))
                .containsExactly("-B -q clean", "-B -q package -Plaunch");
        assertThat(bash("is_stale " + STAMP)).isEqualTo(1);
    }

    @Test
    void aDeletedSourceIsNoticedThoughNoFileIsNewerThanTheStamp() throws IOException, InterruptedException {
        Files.delete(repository.resolve("tenant-service/src/main/java/Tenant.java"));

        assertThat(bash("is_stale " + STAMP)).isZero();
        assertThat(bash("prepare_build " + STAMP)).isZero();

        assertThat(Files.readAllLines(repository.resolve("maven-calls"))).containsExactly("-B -q clean");
        assertThat(Files.readString(repository.resolve(STAMP + ".sources"))).doesNotContain("Tenant.java");
    }

    /** Every source older than the stamp, as after a build of long ago. */
    private void ageSources() throws IOException {
        FileTime past = FileTime.from(Instant.now().minusSeconds(3600));
        try (var files = Files.walk(repository)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("stack.built")).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
    }

    private void write(String path, String content) throws IOException {
        Path file = repository.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private int bash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", ". '" + SCRIPT + "' && " + command)
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(repository.resolve("bash.log").toFile())
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
