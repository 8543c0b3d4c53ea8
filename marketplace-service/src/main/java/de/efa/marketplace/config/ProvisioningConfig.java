package de.efa.marketplace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How hard and how long the workers try a broker ({@code efa.provisioning.*}). */
@ConfigMapping(prefix = "efa.provisioning")
public interface ProvisioningConfig {

    /** Broker calls in flight at once in this replica. */
    @WithDefault("32")
    int concurrency();

    /**
     * How long a claimed job belongs to its worker; must outlast one broker call (request timeout) and its
     * bookkeeping, and is what a job waits after its worker died, so no longer than that.
     */
    @WithDefault("20s")
    Duration lease();

    /**
     * Free workers the dispatcher waits for before it claims, so that a busy replica claims jobs in batches rather
     * than one per finished step; after {@link #idlePoll()} without a claim it takes whatever is free.
     */
    @WithDefault("8")
    int claimBatch();

    /** How often the dispatcher looks for due jobs when nobody woke it. */
    @WithDefault("200ms")
    Duration idlePoll();

    @WithDefault("3s")
    Duration connectTimeout();

    /** A broker answer later than this is a timeout (OSB: orphan mitigation follows). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Failed calls (timeouts, 5xx) retried before the job fails; orphan mitigation has a budget of its own. */
    @WithDefault("5")
    int maxRetries();

    @WithDefault("500ms")
    Duration backoffBase();

    @WithDefault("30s")
    Duration backoffMax();

    /** Between two polls of {@code last_operation} when the broker sends no {@code Retry-After}. */
    @WithDefault("1s")
    Duration pollInterval();

    /** A broker's {@code Retry-After} is honoured up to this. */
    @WithDefault("5m")
    Duration maxRetryAfter();

    /** Polling ends as failed after this (OSB {@code maximum_polling_duration}). */
    @WithDefault("30m")
    Duration maxPollDuration();

    /** How long a request for a service not (yet) in the local catalog copy waits before it fails. */
    @WithDefault("10m")
    Duration catalogWait();

    @WithDefault("5s")
    Duration catalogRetryInterval();

    /** How long what a broker's catalog offers is trusted before a job that needs it reads the catalog again. */
    @WithDefault("5m")
    Duration brokerCatalogMaxAge();

    /** The OSB API version sent in {@code X-Broker-API-Version}. */
    @WithDefault("2.17")
    String brokerApiVersion();
}
