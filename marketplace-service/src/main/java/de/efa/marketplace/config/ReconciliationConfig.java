package de.efa.marketplace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How reconciliation runs ({@code efa.reconciliation.*}). */
@ConfigMapping(prefix = "efa.reconciliation")
public interface ReconciliationConfig {

    /**
     * When a run starts by itself, as a cron expression, or {@code off}; set in application.properties (daily at
     * 03:30), where the scheduler reads it (service/Reconciler).
     */
    String cron();

    /** Besides or instead of {@link #cron()}, a run every so often (e.g. {@code 6h}), or {@code off}. */
    String every();

    /** A run still RUNNING this long after its start lost its replica; another may start. */
    @WithDefault("2h")
    Duration abandonedAfter();

    /**
     * A scheduled run does not start within this time after another run started, so that replicas whose schedules
     * fire together run it once.
     */
    @WithDefault("1h")
    Duration scheduledGap();
}
