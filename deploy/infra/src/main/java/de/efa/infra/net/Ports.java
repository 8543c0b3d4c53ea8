package de.efa.infra.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: free ones for test servers, and a clear answer when a fixed one is taken. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
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
