package de.efa.tenant.service;

import de.efa.platform.health.Heartbeats;
import de.efa.platform.loop.WakeableLoop;
import de.efa.tenant.config.RolloutConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Works off the PENDING items of rollouts, a batch per transaction, on one thread per replica: woken when a rollout
 * starts here, and looking on its own every {@code efa.rollout.idle-poll} for items a crash left behind or another
 * replica's rollout brought. Replicas share the work without taking the same item (SKIP LOCKED). Its heartbeat
 * beats on every pass, so liveness sees it hang.
 */
@ApplicationScoped
public class RolloutWorker {

    private final WakeableLoop loop;

    public RolloutWorker(RolloutService rollouts, RolloutConfig config, Heartbeats heartbeats) {
        this.loop = new WakeableLoop("rollout-worker", config.idlePoll(), heartbeats.loop("rollout-worker"),
                rollouts::advance);
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
}
