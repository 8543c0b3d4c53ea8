package de.efa.tenant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The rollout worker (service.RolloutWorker). */
@ConfigMapping(prefix = "efa.rollout")
public interface RolloutConfig {

    /**
     * Items handled per transaction: their subscriptions, events, history and audit entries are written together,
     * with batched statements. Larger batches cost fewer round trips and hold their locks longer.
     */
    @WithDefault("500")
    int batchSize();

    /**
     * How long the worker waits between looks for work when nothing woke it: a rollout started here wakes it at
     * once, so this is how soon one left PENDING by a crash, or started on another replica, is taken up.
     */
    @WithDefault("5s")
    Duration idlePoll();

    /**
     * How often the worker may fail at one item, alone and for a fault of its own, before it gives the item up
     * (SKIPPED with the failure): enough that a passing failure (a deadlock, a tenant that subscribed itself in the
     * same instant) does not end it, few enough that an item no transaction can take does not keep its rollout from
     * ending, and cost every pass, for long. An outage counts nothing: the count is written after the attempt, and
     * fails with it.
     */
    @WithDefault("5")
    int maxItemAttempts();
}
