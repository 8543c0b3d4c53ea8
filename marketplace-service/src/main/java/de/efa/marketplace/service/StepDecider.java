package de.efa.marketplace.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.client.BrokerAnswer.Failure;
import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.domain.FailureKind;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.JobStep;
import de.efa.marketplace.domain.Operation;
import de.efa.marketplace.domain.ProvisioningJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rules of the Open Service Broker API v2.17 for what a platform does after each answer: succeed, poll,
 * retry with backoff, clean up a possible orphan ("Orphan Mitigation", only after a provisioning: after 5xx, a
 * timeout, an unexpected 2xx or a malformed 201, never after 408 or another 4xx), or fail with a reason. It moves
 * the job to its next step and releases it; it calls nothing and stores nothing.
 */
@ApplicationScoped
public class StepDecider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxRetries;
    private final RetryPolicy backoff;
    private final Duration pollInterval;
    private final Duration maxRetryAfter;
    private final Duration maxPollDuration;

    @Inject
    public StepDecider(ProvisioningConfig config) {
        this(config.maxRetries(),
                new RetryPolicy(config.backoffBase(), config.backoffMax(), () -> ThreadLocalRandom.current().nextDouble()),
                config.pollInterval(), config.maxRetryAfter(), config.maxPollDuration());
    }

    StepDecider(int maxRetries, RetryPolicy backoff, Duration pollInterval, Duration maxRetryAfter,
                Duration maxPollDuration) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
        this.maxRetryAfter = maxRetryAfter;
        this.maxPollDuration = maxPollDuration;
    }

    public void decide(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        switch (job.step) {
            case SEND -> afterSend(job, answer, now);
            case POLL -> afterPoll(job, answer, now);
            case CLEANUP -> afterCleanup(job, answer, now);
            case CLEANUP_POLL -> afterCleanupPoll(job, answer, now);
        }
        // OSB: a failed update's error or last operation may say the instance is no longer usable (default: usable).
        if (job.status == JobStatus.FAILED && job.operation == Operation.UPDATE && saysUnusable(answer)) {
            job.failureKind = FailureKind.INSTANCE_UNUSABLE;
        }
    }

    /**
     * The job read its broker's catalog before its request: once it is read the job goes on at once; a catalog that
     * cannot be read is a failed call like any other, tried again with backoff until the job fails.
     */
    public void afterCatalogRead(ProvisioningJob job, BrokerCatalogs.CatalogRead read, Instant now) {
        if (read.offering().isPresent()) {
            job.postpone(now);
        } else {
            retrySend(job, read.problem(), now);
        }
    }

    private void afterSend(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.is(202)) {
            Optional<JsonNode> body = objectBody(answer);
            keepDashboard(job, body);
            startPolling(job, JobStep.POLL, body, now);
        } else if (job.operation == Operation.PROVISION) {
            afterProvision(job, answer, now);
        } else if (job.operation == Operation.DEPROVISION) {
            afterDeprovision(job, answer, now);
        } else {
            afterUpdate(job, answer, now);
        }
    }

    private void afterProvision(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.is(200) || answer.is(201)) {
            Optional<JsonNode> body = objectBody(answer);
            if (body.isPresent()) {
                job.dashboardUrl = text(body.get(), "dashboard_url");
                job.succeed(now);
            } else if (answer.is(200)) {
                job.fail("the broker answered 200 with a malformed body", now);
            } else {
                beginCleanup(job, "the broker answered 201 with a malformed body", now);
            }
        } else if (answer.clientError() && !answer.is(408)) {
            job.fail(rejection(answer), now);
        } else if (answer.is(408) || answer.failure() == Failure.NOT_SENT) {
            retrySend(job, describe(answer), now);
        } else {
            // 5xx, another 2xx, a timeout or a broken connection: an instance may exist that nobody asked for.
            job.retries++;
            beginCleanup(job, job.retries > maxRetries ? givenUp(describe(answer)) : null, now);
        }
    }

    private void afterDeprovision(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.is(200) || answer.is(410)) {
            job.succeed(now);
        } else if (answer.clientError() && !answer.is(408)) {
            job.fail(rejection(answer), now);
        } else {
            retrySend(job, describe(answer), now);
        }
    }

    /**
     * An update or a context update changes an instance that exists, so whatever the answer nothing is left behind
     * to clean up: a 4xx fails at once, anything else but 200 is tried again.
     */
    private void afterUpdate(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.is(200)) {
            keepDashboard(job, objectBody(answer));
            job.succeed(now);
        } else if (answer.clientError() && !answer.is(408)) {
            job.fail(rejection(answer), now);
        } else {
            retrySend(job, describe(answer), now);
        }
    }

    /** A provisioning's or an update's answer may name the instance's dashboard; the result carries it. */
    private static void keepDashboard(ProvisioningJob job, Optional<JsonNode> body) {
        if (job.operation == Operation.PROVISION || job.operation == Operation.UPDATE) {
            body.map(b -> text(b, "dashboard_url")).ifPresent(url -> job.dashboardUrl = url);
        }
    }

    private void afterPoll(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.is(410) && job.operation == Operation.DEPROVISION) {
            job.succeed(now);
            return;
        }
        Optional<JsonNode> body = answer.is(200) ? objectBody(answer) : Optional.empty();
        String state = body.map(b -> text(b, "state")).orElse(null);
        if ("succeeded".equals(state)) {
            job.succeed(now);
        } else if ("failed".equals(state)) {
            stopPolling(job, "the broker reports the operation failed" + description(body.get()), now);
        } else if ("in progress".equals(state)) {
            if (pollExpired(job, now)) {
                stopPolling(job, "no result from the broker within " + maxPollDuration, now);
            } else {
                job.postpone(now.plus(waitBeforePoll(answer)));
            }
        } else {
            // OSB: any other answer is invalid and the platform goes on polling until the maximum polling duration.
            // A failed poll says nothing about the operation, which may still succeed at the broker, so it does not
            // spend the budget of sending the request again.
            if (pollExpired(job, now)) {
                stopPolling(job, "polling the last operation failed for " + maxPollDuration + ": " + describe(answer),
                        now);
            } else {
                job.postpone(now.plus(later(backoff.delay(job.retries + 1), answer.retryAfter())));
            }
        }
    }

    private void afterCleanup(ProvisioningJob job, BrokerAnswer answer, Instant now) {
        if (answer.is(200) || answer.is(410)) {
            cleanedUp(job, now);
        } else if (answer.is(202)) {
            startPolling(job, JobStep.CLEANUP_POLL, objectBody(answer), now);
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
        if (job.retries > maxRetries) {
            job.fail(givenUp(reason), now);
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

    /** Polling ends without success: a provisioning may have left an instance behind, so clean up first. */
    private void stopPolling(ProvisioningJob job, String reason, Instant now) {
        if (job.operation == Operation.PROVISION) {
            beginCleanup(job, reason, now);
        } else {
            job.fail(reason, now);
        }
    }

    /** Orphan mitigation; {@code failWith} is the reason to fail with once it is done, null to try again. */
    private void beginCleanup(ProvisioningJob job, String failWith, Instant now) {
        job.step = JobStep.CLEANUP;
        job.pendingFailure = failWith;
        job.cleanupRetries = 0;
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
        if (job.cleanupRetries > maxRetries) {
            String cause = job.pendingFailure != null ? job.pendingFailure : "provisioning failed";
            job.fail(cause + "; orphan mitigation did not complete after " + job.cleanupRetries
                    + " attempts: " + reason, FailureKind.ORPHAN_LEFT, now);
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

    private String givenUp(String reason) {
        return reason + " (gave up after " + (maxRetries + 1) + " attempts)";
    }

    /** A 4xx: the broker refused the request as it stands; asking again would not change its mind. */
    private static String rejection(BrokerAnswer answer) {
        return "the broker refused the request with " + answer.status()
                + objectBody(answer).map(StepDecider::errorOf).orElse("");
    }

    private static String describe(BrokerAnswer answer) {
        if (!answer.answered()) {
            return answer.failureDetail();
        }
        return "the broker answered " + answer.status() + objectBody(answer).map(StepDecider::errorOf).orElse("");
    }

    private static String errorOf(JsonNode body) {
        String error = text(body, "error");
        return (error == null ? "" : " " + error) + description(body);
    }

    private static String description(JsonNode body) {
        String description = text(body, "description");
        return description == null ? "" : ": " + description;
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
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
