package de.efa.tenant.messaging;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Consumer;

/**
 * Applies what one poll brought in one transaction; when that fails, each item alone, so that a single item the
 * database refuses is logged and skipped instead of blocking the partition for ever.
 */
final class Batches {

    private static final Logger LOG = Logger.getLogger(Batches.class);

    private Batches() {
    }

    static <T> void apply(List<T> items, Consumer<List<T>> transaction) {
        if (items.isEmpty()) {
            return;
        }
        try {
            transaction.accept(items);
        } catch (RuntimeException batchFailure) {
            LOG.warnf("a batch of %d failed (%s); applying each alone", items.size(), batchFailure.toString());
            for (T item : items) {
                try {
                    transaction.accept(List.of(item));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "skipped %s: it cannot be applied", item);
                }
            }
        }
    }
}
