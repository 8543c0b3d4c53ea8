package de.efa.marketplace.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.client.BrokerAnswer.Failure;
import de.efa.marketplace.client.BrokerText;
import de.efa.marketplace.client.BrokerUrlPolicy;
import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.domain.DashboardUrl;
import de.efa.marketplace.domain.FailureKind;
import de.efa.marketplace.domain.JobStep;
import de.efa.marketplace.domain.Operation;
import de.efa.marketplace.domain.ProvisioningJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rules of the Open Service Broker API v2.17 for what a platform does after each answer: succeed, poll,
 * retry with backoff, clean up a possible orphan ("Orphan Mitigation", only after a provisioning: after 5xx, a 408, a
 * timeout, an unexpected 2xx or a malformed 201 or 202, never after another 4xx), or fail with a reason. A 408 and a
 * 422 {@code ConcurrencyError} are retried; any other 4xx is a refusal. A 200, 201 or 202 whose body is not a JSON
 * object is malformed: a failed call, since a broker answers at least {@code {}}, and a proxy's maintenance page is
 * no success. Failed calls are retried until the retry budget, a span
 * of time from the job's first call, is spent; orphan mitigation has one of the same length from its own first call;
 * polling ends after the maximum polling duration. Where no call was made the job waits: for a token (which spends
 * none of these), for a place at its broker, or for its broker's circuit to close. It moves the job to its next step
 * and releases it; it calls nothing and stores nothing.
 */
@ApplicationScoped
public class StepDecider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONCURRENCY_ERROR = "ConcurrencyError";

    private final Duration retryBudget;
    private final RetryPolicy backoff;
    private final Duration pollInterval;
    private final Duration maxRetryAfter;
    private final Duration maxPollDuration;
    private final Waits waits;
    private final BrokerUrlPolicy brokerUrls;

    /** How long a job waits where no call was made: for a token, for a place at its broker, for its circuit. */
    record Waits(Duration token, RetryPolicy busy, RetryPolicy circuitOpen) {
    }

    @Inject
    public StepDecider(ProvisioningConfig config, BrokerUrlPolicy brokerUrls) {
        this(config.retryBudget(), new RetryPolicy(config.backoffBase(), config.backoffMax(), StepDecider::random),
                config.pollInterval(), config.maxRetryAfter(), config.maxPollDuration(),
                new Waits(config.tokenRetryInterval(),
                        new RetryPolicy(config.brokerBusyDelay(), config.brokerBusyDelay(), StepDecider::random),
                        new RetryPolicy(config.circuitBreaker().delay(), config.circuitBreaker().delay(),
                                StepDecider::random)),
                brokerUrls);
    }

    StepDecider(Duration retryBudget, RetryPolicy backoff, Duration pollInterval, Duration maxRetryAfter,
                Duration maxPollDuration, Waits waits, BrokerUrlPolicy brokerUrls) {
        this.retryBudget = retryBudget;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
        this.maxRetryAfter = maxRetryAfter;
        this.maxPollDuration = maxPollDuration;
        this.waits = waits;
        this.brokerUrls = brokerUrls;
    }

    private static double random() {
        return ThreadLocalRandom.current().nextDouble();
    }

    /**
     * Moves the job on after {@code answer}; returns what was set aside of the answer and why (a dashboard URL that
     * is not kept), for the call's attempt, or null.
     */
    public String decide(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (waitedWithoutCall(job, answer, now)) {
            return null;
        }
        if (job.budgetFrom == null) {
            job.budgetFrom = answer.at();
        }
        String note = switch (job.step) {
            case SEND -> afterSend(job, answer, now);
            case POLL -> afterPoll(job, answer, now);
            case CLEANUP -> {
                afterCleanup(job, answer, now);
                yield null;
            }
            case CLEANUP_POLL -> {
                afterCleanupPoll(job, answer, now);
                yield null;
            }
        };
        return note;
    }

    /**
     * The job read its broker's catalog before its request: once it is read the job goes on at once; a catalog that
     * cannot be read is a failed call like any other, tried again with backoff until the retry budget is spent.
     */
    public void afterCatalogRead(ProvisioningJob job, BrokerCatalogs.CatalogRead read, Instant now) {
        if (read.offering().isPresent()) {
            job.postpone(now);
        } else if (!waitedWithoutCall(job, read.answer(), now)) {
            if (job.budgetFrom == null) {
                job.budgetFrom = read.answer().at();
            }
            retrySend(job, read.problem(), now);
        }
    }

    /**
     * No call was made: a URL the policy refuses fails the job; without a token the job waits, and the time from its
     * first call without a token to its next call with one is added to each of its budgets (the broker is not to
     * blame); a broker without a free place is asked again
     * shortly; a short-circuited broker is asked again when its circuit may have closed, unless the job's budget for
     * its step is spent, in which case it is treated as a call that could not be made. Returns whether it was handled.
     */
    private boolean waitedWithoutCall(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.failure() != Failure.NO_TOKEN) {
            tokenWaitOver(job, answer.at());
        }
        switch (answer.failure()) {
            case NOT_ALLOWED -> job.fail(answer.failureDetail(), FailureKind.NOT_ALLOWED, now);
            case NO_TOKEN -> {
                if (job.tokenWaitSince == null) {
                    job.tokenWaitSince = answer.at();
                }
                job.postpone(now.plus(waits.token()));
            }
            case BROKER_BUSY -> job.postpone(now.plus(waits.busy().delay(1)));
            case CIRCUIT_OPEN -> {
                if (stepBudgetSpent(job, now)) {
                    return false;
                }
                Duration backoffDelay = backoff.delay(job.step == JobStep.CLEANUP ? job.cleanupRetries : job.retries);
                Duration circuitDelay = waits.circuitOpen().delay(1);
                job.postpone(now.plus(backoffDelay.compareTo(circuitDelay) > 0 ? backoffDelay : circuitDelay));
                // A call turned away starts its step's budget as a call would: else a circuit that never lets this
                // job through would keep it waiting for ever.
                if (job.budgetFrom == null) {
                    job.budgetFrom = answer.at();
                }
                if (job.step == JobStep.CLEANUP && job.cleanupBudgetFrom == null) {
                    job.cleanupBudgetFrom = answer.at();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The job waited for a token until this call: that time is added to each budget it is spending. */
    private static void tokenWaitOver(ProvisioningJob job, Instant callAt) {
        if (job.tokenWaitSince == null) {
            return;
        }
        Duration lost = Duration.between(job.tokenWaitSince, callAt);
        job.budgetFrom = later(job.budgetFrom, lost);
        job.cleanupBudgetFrom = later(job.cleanupBudgetFrom, lost);
        job.pollStartedAt = later(job.pollStartedAt, lost);
        job.tokenWaitSince = null;
    }

    private static Instant later(Instant instant, Duration by) {
        return instant == null ? null : instant.plus(by);
    }

    private boolean stepBudgetSpent(ProvisioningJob job, Instant now) {
        return switch (job.step) {
            case SEND -> spent(job.budgetFrom, now);
            case POLL -> pollExpired(job, now);
            case CLEANUP, CLEANUP_POLL -> spent(job.cleanupBudgetFrom, now);
        };
    }

    private boolean spent(Instant budgetFrom, Instant now) {
        return budgetFrom != null && !now.isBefore(budgetFrom.plus(retryBudget));
    }

    private String afterSend(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        Optional<JsonNode> body = answer.is(202) ? objectBody(answer) : Optional.empty();
        if (body.isPresent()) {
            String note = keepDashboard(job, body);
            startPolling(job, JobStep.POLL, body, now);
            return note;
        } else if (job.operation == Operation.PROVISION) {
            return afterProvision(job, answer, now);
        } else if (job.operation == Operation.DEPROVISION) {
            afterDeprovision(job, answer, now);
            return null;
        } else {
            return afterUpdate(job, answer, now);
        }
    }

    private String afterProvision(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.is(200) || answer.is(201)) {
            Optional<JsonNode> body = objectBody(answer);
            if (body.isPresent()) {
                String note = keepDashboard(job, body);
                job.succeed(now);
                return note;
            } else if (answer.is(200)) {
                job.fail(describe(answer), now);
            } else {
                beginCleanup(job, describe(answer), now);
            }
        } else if (refused(answer)) {
            job.fail(rejection(answer), now);
        } else if (answer.is(422) || !answer.mayHaveReachedBroker()) {
            // A 422 ConcurrencyError, or a request that never left: the broker made nothing of it.
            retrySend(job, describe(answer), now);
        } else {
            // 5xx, a 408 (OSB's orphan mitigation table: the broker may have gone on creating after it gave up
            // waiting), a malformed 202, another 2xx, a timeout or a broken connection: an instance may exist that
            // nobody asked for.
            job.retries++;
            beginCleanup(job, spent(job.budgetFrom, now) ? givenUp(job, describe(answer), now) : null, now);
        }
        return null;
    }

    private void afterDeprovision(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if ((answer.is(200) && objectBody(answer).isPresent()) || answer.is(410)) {
            job.succeed(now);
        } else if (refused(answer)) {
            job.fail(rejection(answer), now);
        } else {
            retrySend(job, describe(answer), now);
        }
    }

    /**
     * An update or a context update changes an instance that exists, so whatever the answer nothing is left behind
     * to clean up: a refusal fails at once, anything else but a well-formed 200 is tried again.
     */
    private String afterUpdate(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        Optional<JsonNode> body = objectBody(answer);
        if (answer.is(200) && body.isPresent()) {
            String note = keepDashboard(job, body);
            job.succeed(now);
            return note;
        } else if (refused(answer)) {
            job.fail(rejection(answer), usabilityAfter(job, answer), now);
        } else {
            retrySend(job, describe(answer), now);
        }
        return null;
    }

    /**
     * OSB: the broker's refusal of an update, or its failed last operation, says whether the instance is still usable
     * ({@code instance_usable}, absent meaning usable). Only an update's result tells it; null for the others.
     */
    private static FailureKind usabilityAfter(ProvisioningJob job, BrokerAnswer answer) {
        if (job.operation != Operation.UPDATE) {
            return null;
        }
        return saysUnusable(answer) ? FailureKind.INSTANCE_UNUSABLE : FailureKind.INSTANCE_USABLE;
    }

    /**
     * A provisioning's or an update's answer may name the instance's dashboard; the result carries it to the
     * municipality, so only a URL {@link DashboardUrl} accepts is kept: plain http only on a loopback host that the
     * broker URL policy trusts, so that production never shows a broker's loopback link. Returns why one was dropped,
     * or null.
     */
    private String keepDashboard(ProvisioningJob job, Optional<JsonNode> body) {
        if (job.operation != Operation.PROVISION && job.operation != Operation.UPDATE) {
            return null;
        }
        String url = body.map(b -> text(b, "dashboard_url")).orElse(null);
        if (url == null) {
            return null;
        }
        Optional<String> refusal = DashboardUrl.refusal(url, brokerUrls::trusts);
        if (refusal.isPresent()) {
            return "dashboard_url not kept: " + refusal.get();
        }
        job.dashboardUrl = url;
        return null;
    }

    private String afterPoll(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.is(410) && job.operation == Operation.DEPROVISION) {
            job.succeed(now);
            return null;
        }
        Optional<JsonNode> body = answer.is(200) ? objectBody(answer) : Optional.empty();
        String state = body.map(b -> text(b, "state")).orElse(null);
        if ("succeeded".equals(state)) {
            job.succeed(now);
        } else if ("failed".equals(state)) {
            stopPolling(job, "the broker reports the operation failed" + description(body.get()),
                    usabilityAfter(job, answer), now);
        } else if ("in progress".equals(state)) {
            if (pollExpired(job, now)) {
                stopPolling(job, "no result from the broker within " + maxPollDuration, null, now);
            } else {
                job.postpone(now.plus(waitBeforePoll(answer)));
            }
        } else {
            // OSB: any other answer is invalid and the platform goes on polling until the maximum polling duration.
            // A failed poll says nothing about the operation, which may still succeed at the broker, so it does not
            // spend the budget of sending the request again.
            if (pollExpired(job, now)) {
                stopPolling(job, "polling the last operation failed for " + maxPollDuration + ": " + describe(answer),
                        null, now);
            } else {
                job.postpone(now.plus(later(backoff.delay(job.retries + 1), answer.retryAfter())));
            }
        }
        return null;
    }

    private void afterCleanup(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (job.cleanupBudgetFrom == null) {
            job.cleanupBudgetFrom = answer.at();
        }
        Optional<JsonNode> body = objectBody(answer);
        if ((answer.is(200) && body.isPresent()) || answer.is(410)) {
            cleanedUp(job, now);
        } else if (answer.is(202) && body.isPresent()) {
            startPolling(job, JobStep.CLEANUP_POLL, body, now);
        } else {
            cleanupFailed(job, describe(answer), now);
        }
    }

    private void afterCleanupPoll(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        Optional<JsonNode> body = answer.is(200) ? objectBody(answer) : Optional.empty();
        String state = body.map(b -> text(b, "state")).orElse(null);
        if (answer.is(410) || "succeeded".equals(state)) {
            cleanedUp(job, now);
        } else if ("in progress".equals(state) && !pollExpired(job, now)) {
            job.postpone(now.plus(waitBeforePoll(answer)));
        } else {
            // The deletion failed or cannot be followed: send it again, as OSB asks, within the budget.
            cleanupFailed(job, state == null ? describe(answer) : "the deletion ended as '" + state + "'", now);
        }
    }

    private void retrySend(ProvisioningJob job, String reason, Instant now) {
        job.retries++;
        if (spent(job.budgetFrom, now)) {
            job.fail(givenUp(job, reason, now), now);
        } else {
            job.step = JobStep.SEND;
            job.postpone(now.plus(backoff.delay(job.retries)));
        }
    }

    private void startPolling(ProvisioningJob job, JobStep step, Optional<JsonNode> body, Instant now) {
        job.step = step;
        job.brokerOperation = body.map(b -> text(b, "operation")).orElse(null);
        job.pollStartedAt = now;
        job.postpone(now.plus(pollInterval));
    }

    /**
     * Polling ends without success: a provisioning may have left an instance behind, so clean up first; any other
     * job fails, with {@code kind} (null: an ordinary failure).
     */
    private void stopPolling(ProvisioningJob job, String reason, FailureKind kind, Instant now) {
        if (job.operation == Operation.PROVISION) {
            beginCleanup(job, reason, now);
        } else {
            job.fail(reason, kind, now);
        }
    }

    /** Orphan mitigation; {@code failWith} is the reason to fail with once it is done, null to try again. */
    private void beginCleanup(ProvisioningJob job, String failWith, Instant now) {
        job.step = JobStep.CLEANUP;
        job.pendingFailure = failWith;
        job.cleanupRetries = 0;
        job.cleanupBudgetFrom = null;
        job.brokerOperation = null;
        job.pollStartedAt = null;
        job.postpone(now);
    }

    private void cleanedUp(ProvisioningJob job, Instant now) {
        if (job.pendingFailure != null) {
            job.fail(job.pendingFailure, now);
            return;
        }
        job.step = JobStep.SEND;
        job.brokerOperation = null;
        job.pollStartedAt = null;
        job.postpone(now.plus(backoff.delay(job.retries)));
    }

    private void cleanupFailed(ProvisioningJob job, String reason, Instant now) {
        job.cleanupRetries++;
        if (spent(job.cleanupBudgetFrom, now)) {
            String cause = job.pendingFailure != null ? job.pendingFailure : "provisioning failed";
            job.fail(cause + "; orphan mitigation did not complete after " + job.cleanupRetries + " attempts in "
                    + retryBudget + ": " + reason, FailureKind.ORPHAN_LEFT, now);
        } else {
            job.step = JobStep.CLEANUP;
            job.brokerOperation = null;
            job.pollStartedAt = null;
            job.postpone(now.plus(backoff.delay(job.cleanupRetries)));
        }
    }

    private boolean pollExpired(ProvisioningJob job, Instant now) {
        return job.pollStartedAt != null && now.isAfter(job.pollStartedAt.plus(maxPollDuration));
    }

    private Duration waitBeforePoll(BrokerAnswer answer) {
        Duration asked = answer.retryAfter();
        if (asked == null) {
            return pollInterval;
        }
        return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }

    private Duration later(Duration backoffDelay, Duration retryAfter) {
        if (retryAfter == null) {
            return backoffDelay;
        }
        Duration capped = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        return capped.compareTo(backoffDelay) > 0 ? capped : backoffDelay;
    }

    private String givenUp(ProvisioningJob job, String reason, Instant now) {
        return reason + " (gave up after " + job.retries + (job.retries == 1 ? " failed attempt" : " failed attempts")
                + " in "
                + Duration.between(job.budgetFrom, now).truncatedTo(ChronoUnit.SECONDS) + ", retry budget " + retryBudget
                + ")";
    }

    /**
     * A 4xx but 408 and a 422 {@code ConcurrencyError}: the broker refused the request as it stands; asking again
     * would not change its mind. Those two ask the platform to come back later (the request took too long, or another
     * operation on the instance is still in progress), so they are tried again like a 5xx; a provisioning's 408 is
     * cleaned up first as after a 5xx, its {@code ConcurrencyError} is not, since the broker made nothing of it.
     */
    private static boolean refused(BrokerAnswer answer) {
        return answer.clientError() && !answer.is(408) && !(answer.is(422) && concurrencyError(answer));
    }

    private static boolean concurrencyError(BrokerAnswer answer) {
        return objectBody(answer).map(body -> text(body, "error")).filter(CONCURRENCY_ERROR::equals).isPresent();
    }

    private static String rejection(BrokerAnswer answer) {
        return "the broker refused the request with " + answer.status()
                + objectBody(answer).map(StepDecider::errorOf).orElse("");
    }

    private static String describe(BrokerAnswer answer) {
        if (!answer.answered()) {
            return answer.failureDetail();
        }
        Optional<JsonNode> body = objectBody(answer);
        if (body.isEmpty() && (answer.is(200) || answer.is(201) || answer.is(202))) {
            return "the broker answered " + answer.status() + " with a malformed body";
        }
        return "the broker answered " + answer.status() + body.map(StepDecider::errorOf).orElse("");
    }

    private static String errorOf(JsonNode body) {
        String error = said(body, "error");
        return (error == null ? "" : " " + error) + description(body);
    }

    private static String description(JsonNode body) {
        String description = said(body, "description");
        return description == null ? "" : ": " + description;
    }

    /**
     * What the broker said in {@code field}, for a failure reason: cut, since the reason travels in the job's result
     * event, which the outbox refuses beyond its size limit, and a step whose event is refused is never stored.
     */
    private static String said(JsonNode body, String field) {
        return BrokerText.cut(text(body, field), BrokerAnswer.MAX_SUMMARY_CHARS);
    }

    private static boolean saysUnusable(BrokerAnswer answer) {
        return objectBody(answer).map(body -> body.path("instance_usable"))
                .filter(JsonNode::isBoolean).map(usable -> !usable.asBoolean()).orElse(false);
    }

    private static Optional<JsonNode> objectBody(BrokerAnswer answer) {
        if (answer.body() == null || answer.body().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(answer.body());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return BrokerText.storable(value.asText());
    }
}
