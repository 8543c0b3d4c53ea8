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

import java.util.List;

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
    private final WakeableLoop loop;

    public RolloutWorker(RolloutService rollouts, RolloutConfig config, Heartbeats heartbeats) {
        this.rollouts = rollouts;
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
     * after it. An item refused on its own is skipped with the refusal as its reason; one that fails otherwise (the
     * database away, a tenant that subscribed itself meanwhile) stays PENDING for the next pass.
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
        for (RolloutItem.Key key : batch) {
            try {
                progress |= rollouts.advanceOne(key);
            } catch (ProblemException refused) {
                progress |= rollouts.skipRefused(key, refused);
            } catch (RuntimeException failed) {
                LOG.warnf("rollout %s: the item of %s failed and stays PENDING: %s", key.rolloutId(), key.ags(),
                        failed.getMessage());
            }
        }
        return progress;
    }
}
