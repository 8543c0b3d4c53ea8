package de.efa.infra.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which process of a started command is its JVM: the one {@code jcmd} must address, never a script around it. */
class ManagedProcessTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @TempDir
    Path directory;

    @Test
    void aJvmStartedDirectlyIsItsOwnJvm() {
        try (ManagedProcess process = start(List.of(JAVA, "-cp", CLASS_PATH, Sleeper.class.getName()))) {
            process.awaitLogLine(Sleeper.READY, Duration.ofSeconds(30));
            assertThat(process.jvmPid()).hasValue(process.pid());
        }
    }

    @Test
    void aScriptThatRunsItsJvmAsAChildNamesTheChild() {
        try (ManagedProcess process = start(List.of("bash", "-c",
                JAVA + " -cp '" + CLASS_PATH + "' '" + Sleeper.class.getName() + "' & wait"))) {
            process.awaitLogLine(Sleeper.READY, Duration.ofSeconds(30));
            assertThat(process.jvmPid()).isPresent();
            assertThat(process.jvmPid().getAsLong()).isNotEqualTo(process.pid());
            assertThat(ProcessHandle.of(process.jvmPid().getAsLong()).flatMap(ProcessHandle::parent)
                    .map(ProcessHandle::pid)).hasValue(process.pid());
        }
    }

    @Test
    void aProcessWithoutAJvmHasNone() {
        try (ManagedProcess process = start(List.of("bash", "-c", "echo up; sleep 30"))) {
            process.awaitLogLine("up", Duration.ofSeconds(10));
            assertThat(process.jvmPid()).isEmpty();
        }
    }

    private ManagedProcess start(List<String> command) {
        return ManagedProcess.start("test", command, Map.of(), directory, directory.resolve("process.log"));
    }

    /** A JVM that says it is up, then waits to be stopped. */
    public static final class Sleeper {

        static final String READY = "sleeper up";

        public static void main(String[] args) throws InterruptedException {
            System.out.println(READY);
            Thread.sleep(30_000);
        }
    }
}
