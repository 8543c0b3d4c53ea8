package de.efa.marketplace.messaging;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Repeats a database write until it succeeds: a consumer must not commit an offset for records it has not
 * stored, and skipping them would lose a municipality's request. The poll loop is not blocked meanwhile.
 */
final class BlockingRetry {

    private static final Logger LOG = Logger.getLogger(BlockingRetry.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private BlockingRetry() {
    }

    static void untilDone(String what, Runnable write) {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed, trying again in %d ms: %s", what, wait.toMillis(), e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }
}
