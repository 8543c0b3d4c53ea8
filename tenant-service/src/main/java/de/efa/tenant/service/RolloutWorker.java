package de.efa.tenant.service;

import de.efa.platform.health.Heartbeats;
import de.efa.platform.loop.WakeableLoop;
import de.efa.platform.problem.ProblemException;
import de.efa.tenant.config.RolloutConfig;
import de.efa.tenant.domain.RolloutItem;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works off the PENDING items of rollouts, a batch per transaction, on one thread per replica: woken when a rollout
 * starts here, and looking on its own every {@code efa.rollout.idle-poll} for items a crash left behind or another
 * replica's rollout brought. Replicas share the work without taking the same item (SKIP LOCKED). Its heartbeat
 * beats on every pass, so liveness sees it hang.
 */
@ApplicationScoped
public class RolloutWorker {

    private static final Logger LOG = Logger.getLogger(RolloutWorker.class);

    private final RolloutService rollouts;
    private final int maxItemAttempts;
    private final WakeableLoop loop;

    public RolloutWorker(RolloutService rollouts, RolloutConfig config, Heartbeats heartbeats) {
        this.rollouts = rollouts;
        this.maxItemAttempts = config.maxItemAttempts();
        this.loop = new WakeableLoop("rollout-worker", config.idlePoll(), heartbeats.loop("rollout-worker"),
                this::pass);
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) RolloutsDue due) {
        loop.wake();
    }

    /**
     * A batch in one transaction; a batch that failed is handled again one item at a time, since the next pass would
     * take the same items in the same order, and one item that no transaction can take would stop every rollout
     * after it. An item refused on its own is skipped with the refusal as its reason; one that fails otherwise (a
     * tenant that subscribed itself meanwhile, a fault of ours) stays PENDING for the next pass, until it has failed
     * {@code efa.rollout.max-item-attempts} times and is skipped with the failure. The database away counts nothing,
     * nor does a pass at whose items, more than one, every attempt failed.
     *
     * @return whether more may be waiting: a full batch was taken, or one at a time with progress
     */
    boolean pass() {
        try {
            return rollouts.advance();
        } catch (RuntimeException failed) {
            LOG.warnf("a batch of rollout items failed (%s); its items are handled one at a time", failed.getMessage());
        }
        List<RolloutItem.Key> batch = rollouts.nextBatch();
        boolean progress = false;
        Map<RolloutItem.Key, RuntimeException> failures = new LinkedHashMap<>();
        for (RolloutItem.Key key : batch) {
            try {
                progress |= rollouts.advanceOne(key);
            } catch (ProblemException refused) {
                progress |= rollouts.skipRefused(key, refused);
            } catch (RuntimeException failed) {
                failures.put(key, failed);
            }
        }
        if (batch.size() > 1 && failures.size() == batch.size()) {
            // Every item failing alone is a fault of the service (a bad deployment, a lock that never comes), not of
            // the items: counting it would skip every PENDING item of every rollout, which should wait for the mend.
            LOG.warnf("every one of %d rollout items failed alone, which is counted against none (the first: %s)",
                    batch.size(), failures.values().iterator().next().getMessage());
            return false;
        }
        for (Map.Entry<RolloutItem.Key, RuntimeException> failure : failures.entrySet()) {
            progress |= countFailure(failure.getKey(), failure.getValue());
        }
        return progress;
    }

    /** @return whether the item was given up */
    private boolean countFailure(RolloutItem.Key key, RuntimeException failed) {
        boolean givenUp = false;
        try {
            givenUp = rollouts.countFailure(key, failed);
        } catch (RuntimeException uncounted) {
            // As with the database away: the attempt then counts for nothing, and the item waits for the next pass.
            LOG.debugf("rollout %s: the failure of the item of %s is not counted: %s", key.rolloutId(), key.ags(),
                    uncounted.getMessage());
        }
        if (givenUp) {
            LOG.warnf("rollout %s: the item of %s failed %d times and is SKIPPED: %s", key.rolloutId(), key.ags(),
                    maxItemAttempts, failed.getMessage());
        } else {
            LOG.warnf("rollout %s: the item of %s failed and stays PENDING: %s", key.rolloutId(), key.ags(),
                    failed.getMessage());
        }
        return givenUp;
    }
}
