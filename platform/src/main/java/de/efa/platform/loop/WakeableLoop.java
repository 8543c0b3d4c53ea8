package de.efa.platform.loop;

import de.efa.platform.health.Heartbeat;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A background thread that runs a pass whenever it is woken, and at the latest after {@code idle}. A pass answers
 * whether more work is likely waiting, in which case the next one follows at once. It beats its heartbeat on every
 * pass, idle or not, so that liveness sees a loop that hangs and never one that merely has nothing to do.
 */
public final class WakeableLoop {

    private static final Logger LOG = Logger.getLogger(WakeableLoop.class);

    private final String name;
    private final Duration idle;
    private final BooleanSupplier pass;
    private final Heartbeat heartbeat;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public WakeableLoop(String name, Duration idle, Heartbeat heartbeat, BooleanSupplier pass) {
        this.name = name;
        this.idle = idle;
        this.heartbeat = heartbeat;
        this.pass = pass;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        heartbeat.busy();
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    public synchronized void stop() {
        running = false;
        heartbeat.idle();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        while (running) {
            heartbeat.beat();
            boolean more = false;
            try {
                more = pass.getAsBoolean();
            } catch (RuntimeException e) {
                // The database or Kafka may be away for a while; the next pass tries again.
                LOG.warnf("%s: pass failed: %s", name, e.getMessage());
                LOG.debug(name + ": pass failed", e);
            }
            try {
                if (!more) {
                    signal.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                }
                signal.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
