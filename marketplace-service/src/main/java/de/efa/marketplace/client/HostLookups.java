package de.efa.marketplace.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Looks broker hosts up within a deadline. A provider controls the name server of its broker's host, and a lookup can
 * take far longer than a call may (a slow name server, the resolver's retries over each search domain); the JDK's
 * lookup cannot be stopped, so it runs on a thread of its own and its caller waits for it at most the lookup timeout.
 * A host has one lookup at a time, which every caller for that host waits for (the JDK serialises the lookups of one
 * name anyway): a lookup that hangs holds one thread, however many jobs wait for it and give up.
 */
final class HostLookups {

    private final BrokerUrlPolicy.Resolver resolver;
    private final Duration timeout;
    private final ExecutorService threads;
    private final ConcurrentMap<String, CompletableFuture<InetAddress[]>> inFlight = new ConcurrentHashMap<>();

    HostLookups(BrokerUrlPolicy.Resolver resolver, Duration timeout) {
        this.resolver = resolver;
        this.timeout = timeout;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "broker-host-lookup-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Duration timeout() {
        return timeout;
    }

    /** The addresses of {@code host}; a {@link TimeoutException} when its lookup did not end within the timeout. */
    InetAddress[] resolve(String host) throws UnknownHostException, TimeoutException, InterruptedException {
        try {
            return lookupOf(host).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new IllegalStateException("the lookup of " + host + " failed", e.getCause());
        }
    }

    private CompletableFuture<InetAddress[]> lookupOf(String host) {
        CompletableFuture<InetAddress[]> started = new CompletableFuture<>();
        CompletableFuture<InetAddress[]> running = inFlight.putIfAbsent(host, started);
        if (running != null) {
            return running;
        }
        threads.execute(() -> {
            try {
                started.complete(resolver.resolve(host));
            } catch (UnknownHostException | RuntimeException e) {
                started.completeExceptionally(e);
            } finally {
                inFlight.remove(host, started);
            }
        });
        return started;
    }
}
