package de.efa.stack;

import de.efa.infra.net.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The README's local stack: starts everything on the SPEC ports with demo data, prints where to find it, and
 * stops every process on Ctrl-C. Data lives under {@code .local/} and survives restarts; {@code --reset}
 * wipes it first.
 */
public final class LocalStack {

    /** Used by the script before it builds: a running stack must not have its jars rebuilt under it. */
    private static final String CHECK_PORTS = "--check-ports";

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
        List<String> options = List.of(args);
        if (options.contains("--help") || options.stream().anyMatch(o -> !o.equals("--reset") && !o.equals(CHECK_PORTS))) {
            System.out.println("usage: deploy/local-stack.sh [--reset]   (--reset wipes the data under .local/ first)");
            System.exit(options.contains("--help") ? 0 : 2);
        }
        Path data = StackConfig.defaultRepositoryRoot().resolve(".local");
        if (options.contains(CHECK_PORTS)) {
            checkPortsAndExit(StackConfig.local(data));
        }
        if (options.contains("--reset")) {
            System.out.println("wiping " + data);
            deleteRecursively(data);
        }
        Stack stack;
        try {
            stack = Stack.start(StackConfig.local(data), line -> System.out.println("  " + line));
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
        Thread.currentThread().join();
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
