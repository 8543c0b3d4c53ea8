package de.efa.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's build of the services, run against a stand-in for the Maven wrapper. */
class ServicesBuildTest {

    @TempDir
    Path repository;

    @Test
    void aSuccessfulBuildPackagesTheServicesAndTouchesTheStamp() throws IOException {
        givenMavenWrapper("echo \"mvnw $*\"; exit 0");
        Path stamp = repository.resolve("stack.built");
        Path log = repository.resolve("logs/build.log");

        try (ServicesBuild build = ServicesBuild.start(repository, stamp, log)) {
            build.await();
        }

        assertThat(stamp).exists();
        assertThat(Files.readString(log)).contains("mvnw -B -q package -Plaunch -pl !deploy/stack,!deploy/bench");
    }

    @Test
    void aFailedBuildFailsWithTheEndOfItsLogAndLeavesTheStampAlone() throws IOException {
        givenMavenWrapper("echo '[ERROR] Compilation failure: Tenant.java'; exit 1");
        Path stamp = repository.resolve("stack.built");

        try (ServicesBuild build = ServicesBuild.start(repository, stamp, repository.resolve("build.log"))) {
            assertThatThrownBy(build::await)
                    .hasMessageContaining("the build of the services failed")
                    .hasMessageContaining("[ERROR] Compilation failure: Tenant.java");
        }

        assertThat(stamp).doesNotExist();
    }

    private void givenMavenWrapper(String script) throws IOException {
        Path mvnw = Files.writeString(repository.resolve("mvnw"), "#!/bin/sh\n" + script + "\n");
        assertThat(mvnw.toFile().setExecutable(true)).isTrue();
    }
}
