package de.efa.marketplace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How hard and how long the workers try a broker ({@code efa.provisioning.*}). */
@ConfigMapping(prefix = "efa.provisioning")
public interface ProvisioningConfig {

    /** Broker calls in flight at once in this replica. */
    @WithDefault("32")
    int concurrency();

    /**
     * How long a claimed job belongs to its worker; must outlast one step (the token, a place at the broker, the
     * lookup of its host, the broker call within its deadline, and {@link #leaseMargin()} for the bookkeeping, which
     * {@code LeaseCheck} verifies at start-up), and is what a job waits after its worker died, so no longer than
     * needed.
     */
    @WithDefault("25s")
    Duration lease();

    /** What a step needs besides its token and its broker call: reading and storing the job. */
    @WithDefault("5s")
    Duration leaseMargin();

    /**
     * Free workers the dispatcher waits for before it claims, so that a busy replica claims jobs in batches rather
     * than one per finished step; after {@link #idlePoll()} without a claim it takes whatever is free.
     */
    @WithDefault("8")
    int claimBatch();

    /**
     * Rows of the job table written (by any replica) since PostgreSQL last analysed it, past which it is analysed
     * ({@code JobStatistics}, checked every {@code efa.provisioning.analyze-check}, 1 s); a national rollout writes
     * each job about five times.
     */
    @WithDefault("5000")
    long analyzeAfter();

    /** The most workers' steps stored in one transaction (the group commit of {@code StepRecorder}). */
    @WithDefault("64")
    int recordBatch();

    /** How often the dispatcher looks for due jobs when nobody woke it. */
    @WithDefault("200ms")
    Duration idlePoll();

    @WithDefault("3s")
    Duration connectTimeout();

    /**
     * How long a worker waits for the lookup of a broker's host (under {@code STRICT} {@link #brokerUrlCheck()}) before
     * the call is put off like one that could not connect; the broker's provider controls that lookup. Part of a
     * step, so the lease must outlast it.
     */
    @WithDefault("3s")
    Duration lookupTimeout();

    /**
     * The overall deadline of one broker call: connecting, the headers and the whole body. An answer not complete by
     * then is a timeout (OSB: orphan mitigation follows), however slowly the broker keeps sending.
     */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a worker waits for the identity provider's token before the call is put off. */
    @WithDefault("5s")
    Duration tokenTimeout();

    /** How soon a job whose call got no token asks again; waiting for a token spends none of its budgets. */
    @WithDefault("5s")
    Duration tokenRetryInterval();

    /**
     * How long a job is tried again after failed calls (timeouts, 5xx), from its first call; then it fails. Orphan
     * mitigation has a budget of the same length, from its own first call.
     */
    @WithDefault("24h")
    Duration retryBudget();

    @WithDefault("500ms")
    Duration backoffBase();

    /** The longest wait between two tries of a failing job. */
    @WithDefault("5m")
    Duration backoffMax();

    /**
     * Of {@link #concurrency()}, the workers that may be inside calls to one broker at once: by default half, so that
     * one slow broker leaves the other half to the rest. A single broker's throughput is this many calls over their
     * mean duration; with 8 a national rollout waited on the bulkhead while the machine had CPU to spare.
     */
    @WithDefault("16")
    int brokerConcurrency();

    /**
     * How long a worker waits for a place at its broker (all of {@link #brokerConcurrency()} busy) before it puts the
     * job off by {@link #brokerBusyDelay()}; part of a step, so the lease must outlast it.
     */
    @WithDefault("1s")
    Duration brokerBusyWait();

    /** How soon a job whose broker had no free place within {@link #brokerBusyWait()} is taken up again. */
    @WithDefault("1s")
    Duration brokerBusyDelay();

    /** The brokers whose bulkhead and circuit breaker are kept; the longest unused are dropped beyond it. */
    @WithDefault("1000")
    int brokerGuards();

    /** When a broker is short-circuited after its calls failed or timed out ({@code efa.provisioning.circuit-breaker.*}). */
    CircuitBreaker circuitBreaker();

    interface CircuitBreaker {

        /** The last calls to a broker looked at: the circuit opens only once this many were made. */
        @WithDefault("20")
        int requestVolume();

        /** The share of those calls that failed or timed out from which the broker is short-circuited. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the broker is short-circuited before one call may try it again. */
        @WithDefault("30s")
        Duration delay();
    }

    /**
     * {@code STRICT}: broker URLs must be https, and their host must not resolve to a loopback, private, link-local
     * or metadata address, unless the host is in {@link #brokerAllowList()}; {@code PERMISSIVE} (the dev profile)
     * calls any URL.
     */
    @WithDefault("STRICT")
    BrokerUrlCheck brokerUrlCheck();

    /** Hosts whose brokers are called whatever their scheme and address (e.g. {@code localhost} for a local stack). */
    Optional<List<String>> brokerAllowList();

    enum BrokerUrlCheck {
        STRICT,
        PERMISSIVE
    }

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
