package de.efa.marketplace.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A broker that answers every call with 200 and a body that never ends well, streamed so that this test JVM holds
 * none of it: {@code /huge} sends 100 MB as fast as the reader takes it, {@code /drip} one byte per second. It counts
 * what it could send before the marketplace hung up. On loopback only, as every test server here.
 */
public final class MisbehavingBroker implements AutoCloseable {

    public static final long HUGE_BYTES = 100L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicLong hugeBytesSent = new AtomicLong();

    public MisbehavingBroker() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/huge", this::huge);
        server.createContext("/drip", this::drip);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL of a broker that answers 100 MB. */
    public String hugeUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/huge";
    }

    /** The base URL of a broker that answers one byte per second. */
    public String dripUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/drip";
    }

    /** The most bytes of 100 MB one answer got out before the reader hung up. */
    public long hugeBytesSent() {
        return hugeBytesSent.get();
    }

    private void huge(HttpExchange exchange) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        long sent = 0;
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // Length 0: chunked, no Content-Length, so only reading tells how large the answer is.
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            while (sent < HUGE_BYTES) {
                body.write(chunk);
                sent += chunk.length;
                hugeBytesSent.accumulateAndGet(sent, Math::max);
            }
        } catch (IOException hungUp) {
            // What this broker is for.
        }
    }

    private void drip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
                body.write(' ');
                body.flush();
                Thread.sleep(1000);
            }
        } catch (IOException hungUp) {
            // What this broker is for.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
