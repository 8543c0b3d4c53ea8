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

    /**
     * A RUNNING run that has shown no sign of life for this long lost its replica; another may start. A live run
     * beats at least every half minute plus one broker call.
     */
    @WithDefault("10m")
    Duration abandonedAfter();

    /**
     * A scheduled run does not start within this time after another run started, so that replicas whose schedules
     * fire together run it once.
     */
    @WithDefault("1h")
    Duration scheduledGap();
}
