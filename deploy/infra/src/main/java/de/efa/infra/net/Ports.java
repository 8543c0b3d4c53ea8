package de.efa.infra.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: free ones for test servers, and a clear answer when a fixed one is taken. */
public final class Ports {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    /** Ports chosen are bound only later: one JVM never hands out a port twice. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up). A port the kernel hands out for a listener on port 0
     * comes from that range, where every outgoing connection also takes its local port: between choosing a port and
     * a server binding it (a service of the stack starts a minute later), a Kafka client or HTTP call may take it.
     * The port is checked on every interface, as the services listen on all of them.
     */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free port from " + FIRST + " to " + LAST));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with one line naming the port and what wanted it, instead of a bind stack trace later. */
    public static void requireFree(int port, String wantedBy) {
        if (isTaken(port)) {
            throw new PortTakenException(port, wantedBy);
        }
    }

    public static final class PortTakenException extends RuntimeException {
        public PortTakenException(int port, String wantedBy) {
            super("port " + port + " is already in use, but " + wantedBy + " needs it;"
                    + " stop what runs there (e.g. `ss -ltnp 'sport = :" + port + "'`) and try again");
        }
    }
}
