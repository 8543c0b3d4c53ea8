package de.efa.tenant.messaging;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies what one poll brought in one transaction. While the database is unreachable (or a transaction lost a
 * deadlock) the batch is retried with backoff: the consumer holds its offsets and nothing is lost. Any other
 * failure is narrowed down by applying each item alone, so that a single item the database refuses is logged and
 * skipped instead of blocking its partition for ever.
 */
final class Batches {

    private static final Logger LOG = Logger.getLogger(Batches.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private Batches() {
    }

    static <T> void apply(List<T> items, Consumer<List<T>> transaction) {
        if (items.isEmpty()) {
            return;
        }
        try {
            retryWhileTransient(items, transaction);
        } catch (RuntimeException failure) {
            applyEachAlone(items, transaction, failure);
        }
    }

    private static <T> void applyEachAlone(List<T> items, Consumer<List<T>> transaction, RuntimeException failure) {
        LOG.warnf("a batch of %d failed (%s); applying each alone", items.size(), failure.toString());
        for (T item : items) {
            try {
                retryWhileTransient(List.of(item), transaction);
            } catch (RuntimeException e) {
                LOG.errorf(e, "skipped %s: it cannot be applied", item);
            }
        }
    }

    /** Runs the transaction until it succeeds or fails for a reason that does not go away by itself. */
    private static <T> void retryWhileTransient(List<T> items, Consumer<List<T>> transaction) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                transaction.accept(items);
                return;
            } catch (RuntimeException failure) {
                if (!isTransient(failure)) {
                    throw failure;
                }
                LOG.warnf("a batch of %d waits %s for the database: %s", items.size(), backoff, failure.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Connection failures (SQLSTATE class 08), a server shutting down, crashed or still starting (57P01, 57P02,
     * 57P03), serialization failures and deadlocks go away by themselves.
     */
    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && isTransient(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("40001")
                || sqlState.equals("40P01");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
