package de.efa.bench.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveConnectionTest {

    private HttpServer server;
    private final Set<Object> connections = new HashSet<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (connections) {
                connections.add(exchange.getRemoteAddress());
            }
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI() + "\"}").repeat(500).getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getQuery() != null;
            int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsSizedAndChunkedAnswersOneAfterAnotherOnOneConnection() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", server.getAddress().getPort())) {
            for (int i = 0; i < 20; i++) {
                assertThat(connection.get("/api/v1/services?q=F%C3%BChrerschein&n=" + i)).isEqualTo(200);
                assertThat(connection.get("/api/v1/services")).isEqualTo(200);
                assertThat(connection.get("/missing")).isEqualTo(404);
            }
        }
        assertThat(connections).hasSize(1);
    }
}
