package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAction;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.client.BrokerAnswer.Failure;
import de.efa.marketplace.client.BrokerUrlPolicy;
import de.efa.marketplace.domain.FailureKind;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.JobStep;
import de.efa.marketplace.domain.Operation;
import de.efa.marketplace.domain.ProvisioningJob;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The OSB rules of {@link StepDecider}, answer by answer, without a broker. */
class StepDeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(2);

    private static final Duration BUDGET = Duration.ofHours(1);
    private static final Duration TOKEN_WAIT = Duration.ofSeconds(5);

    /** The strict broker URL policy with {@code localhost} allow-listed, as the local stack runs it. */
    private final StepDecider decider = decider(BrokerUrlPolicy.strict(List.of("localhost"), StepDeciderTest::noDns,
            Duration.ofSeconds(1)));

    @Test
    void acceptedProvisionPollsTheOperationAndKeepsTheDashboard() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(job, answer(202, "{\"operation\":\"op\",\"dashboard_url\":\"https://d\"}"), NOW);
        assertThat(job.step).isEqualTo(JobStep.POLL);
        assertThat(job.brokerOperation).isEqualTo("op");
        assertThat(job.dashboardUrl).isEqualTo("https://d");
        assertThat(job.nextAttemptAt).isEqualTo(NOW.plus(POLL));
        assertThat(job.leaseToken).isNull();
    }

    /** Orphan mitigation deleted the instance the 202 named: its dashboard is a dead link. */
    @Test
    void aFailedProvisioningKeepsNoDashboard() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(job, answer(202, "{\"operation\":\"op\",\"dashboard_url\":\"https://d\"}"), NOW);
        decider.decide(job, answer(200, "{\"state\":\"failed\"}"), NOW);
        assertThat(job.dashboardUrl).as("while the instance is being deleted").isEqualTo("https://d");
        decider.decide(job, answer(410, "{}"), NOW);
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.dashboardUrl).isNull();
    }

    /**
     * OSB's orphan mitigation table: a provisioning answered 408 may have created the instance, so it is cleaned up
     * first, then tried again, or failed once the budget is spent, as after a 5xx.
     */
    @Test
    void requestTimeout408OfAProvisioningIsCleanedUpLikeAServerError() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(job, answer(408, "{}"), NOW);
        assertThat(job.step).isEqualTo(JobStep.CLEANUP);
        assertThat(job.retries).isEqualTo(1);
        assertThat(job.pendingFailure).as("within the budget").isNull();
        assertThat(job.nextAttemptAt).isEqualTo(NOW);
        decider.decide(job, answer(410, "{}"), NOW);
        assertThat(job.step).isEqualTo(JobStep.SEND);
        assertThat(job.nextAttemptAt).isEqualTo(NOW.plusSeconds(1));

        decider.decide(job, answer(408, "{\"description\":\"timed out\"}"), NOW.plus(BUDGET));
        assertThat(job.step).isEqualTo(JobStep.CLEANUP);
        assertThat(job.pendingFailure)
                .startsWith("the broker answered 408: timed out (gave up after 2 failed attempts in PT1H");
        decider.decide(job, answer(200, "{}"), NOW.plus(BUDGET));
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureReason).startsWith("the broker answered 408: timed out (gave up after 2");
    }

    /** Every other operation changes or deletes an instance that exists: after a 408 it is only sent again. */
    @Test
    void requestTimeout408OfAnyOtherOperationIsRetriedWithoutOrphanMitigation() {
        for (Operation operation : EnumSet.complementOf(EnumSet.of(Operation.PROVISION))) {
            ProvisioningJob job = job(operation, JobStep.SEND);
            decider.decide(job, answer(408, "{}"), NOW);
            assertThat(job.step).as(operation.name()).isEqualTo(JobStep.SEND);
            assertThat(job.retries).as(operation.name()).isEqualTo(1);
            assertThat(job.nextAttemptAt).as(operation.name()).isEqualTo(NOW.plusSeconds(1));
        }
        ProvisioningJob polling = job(Operation.PROVISION, JobStep.POLL);
        decider.decide(polling, answer(408, "{}"), NOW);
        assertThat(polling.step).as("a poll answered 408 is polled again").isEqualTo(JobStep.POLL);
    }

    /**
     * OSB: a 422 {@code ConcurrencyError} says another operation on the instance is still in progress, nothing about
     * this request: each operation tries again with backoff like after a 408, a provisioning without orphan mitigation.
     */
    @Test
    void aConcurrencyErrorIsTriedAgainByEveryOperation() {
        for (Operation operation : Operation.values()) {
            ProvisioningJob job = job(operation, JobStep.SEND);
            decider.decide(job, answer(422, "{\"error\":\"ConcurrencyError\",\"description\":\"busy\"}"), NOW);
            assertThat(job.status).as(operation.name()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(job.step).as(operation.name()).isEqualTo(JobStep.SEND);
            assertThat(job.retries).as(operation.name()).isEqualTo(1);
            assertThat(job.nextAttemptAt).as(operation.name()).isEqualTo(NOW.plusSeconds(1));
            assertThat(job.failureReason).as(operation.name()).isNull();
        }
    }

    /**
     * Still in progress when the retry budget is spent: the job gives up, and an update says nothing of the instance.
     */
    @Test
    void aConcurrencyErrorOutlastingTheBudgetFailsAsGivenUp() {
        for (Operation operation : Operation.values()) {
            ProvisioningJob job = job(operation, JobStep.SEND);
            job.budgetFrom = NOW.minus(BUDGET);
            decider.decide(job, answer(422, "{\"error\":\"ConcurrencyError\",\"instance_usable\":false}"), NOW);
            assertThat(job.status).as(operation.name()).isEqualTo(JobStatus.FAILED);
            assertThat(job.failureReason).as(operation.name())
                    .startsWith("the broker answered 422 ConcurrencyError (gave up after 1 failed attempt");
            assertThat(job.failureKind).as(operation.name()).isNull();
        }
    }

    /** Any other 422 is the broker's refusal of the request as it stands, as before. */
    @Test
    void anotherUnprocessableEntityIsStillARefusal() {
        for (String error : new String[] {"AsyncRequired", "MaintenanceInfoConflict", "ConcurrencyErrors"}) {
            for (Operation operation : Operation.values()) {
                ProvisioningJob job = job(operation, JobStep.SEND);
                decider.decide(job, answer(422, "{\"error\":\"" + error + "\"}"), NOW);
                assertThat(job.status).as(operation + " " + error).isEqualTo(JobStatus.FAILED);
                assertThat(job.failureReason).isEqualTo("the broker refused the request with 422 " + error);
                assertThat(job.failureKind)
                        .isEqualTo(operation == Operation.UPDATE ? FailureKind.INSTANCE_USABLE : null);
            }
        }
        ProvisioningJob withoutBody = job(Operation.SUSPEND, JobStep.SEND);
        decider.decide(withoutBody, answer(422, ""), NOW);
        assertThat(withoutBody.status).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aRequestThatNeverLeftIsRetriedWithoutOrphanMitigation() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(job, noAnswer(Failure.NOT_SENT), NOW);
        assertThat(job.step).isEqualTo(JobStep.SEND);
    }

    @Test
    void malformed201NeedsOrphanMitigationAndMalformed200DoesNot() {
        ProvisioningJob created = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(created, answer(201, "not json"), NOW);
        assertThat(created.step).isEqualTo(JobStep.CLEANUP);
        assertThat(created.pendingFailure).contains("malformed");

        ProvisioningJob ok = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(ok, answer(200, "not json"), NOW);
        assertThat(ok.status).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aServerErrorAfterTheBudgetCleansUpThenFails() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
        job.retries = 2;
        job.budgetFrom = NOW.minus(BUDGET).plusSeconds(1);
        decider.decide(job, answer(503, "{}"), NOW);
        assertThat(job.step).as("within the budget").isEqualTo(JobStep.CLEANUP);
        assertThat(job.pendingFailure).isNull();
        decider.decide(job, answer(410, "{}"), NOW);
        assertThat(job.step).isEqualTo(JobStep.SEND);

        decider.decide(job, answer(503, "{\"description\":\"maintenance\"}"), NOW.plusSeconds(1));
        assertThat(job.step).isEqualTo(JobStep.CLEANUP);
        assertThat(job.pendingFailure).contains("503").contains("maintenance")
                .contains("gave up after 4 failed attempts in PT1H, retry budget PT1H");
        decider.decide(job, answer(410, "{}"), NOW);
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureReason).contains("503").contains("maintenance");
    }

    @Test
    void orphanMitigationThatKeepsFailingEndsTheJob() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.CLEANUP);
        decider.decide(job, answer(500, "{}"), NOW);
        decider.decide(job, answer(500, "{}"), NOW);
        assertThat(job.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.nextAttemptAt).isEqualTo(NOW.plusSeconds(2));
        decider.decide(job, noAnswer(Failure.TIMEOUT), NOW.plus(BUDGET));
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureKind).isEqualTo(FailureKind.ORPHAN_LEFT);
        assertThat(job.failureReason).contains("orphan mitigation did not complete after 3 attempts in PT1H");
    }

    /**
     * OSB: a 200 with a malformed body is a failure; the broker answers at least {}. A proxy's maintenance page is no
     * deletion, so the deprovisioning is tried again within its budget, and fails once it is spent.
     */
    @Test
    void aDeletionAnsweredWithAMalformed200IsAFailedCallTriedAgain() {
        for (String body : new String[] {"<html>maintenance</html>", "", "[]", "\"deleted\""}) {
            ProvisioningJob job = job(Operation.DEPROVISION, JobStep.SEND);
            decider.decide(job, answer(200, body), NOW);
            assertThat(job.status).as(body).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(job.step).isEqualTo(JobStep.SEND);
            assertThat(job.retries).isEqualTo(1);
            assertThat(job.nextAttemptAt).isEqualTo(NOW.plusSeconds(1));

            decider.decide(job, answer(200, body), NOW.plus(BUDGET));
            assertThat(job.status).isEqualTo(JobStatus.FAILED);
            assertThat(job.failureReason).startsWith("the broker answered 200 with a malformed body (gave up after 2");
        }

        ProvisioningJob deleted = job(Operation.DEPROVISION, JobStep.SEND);
        decider.decide(deleted, answer(200, "{}"), NOW);
        assertThat(deleted.status).isEqualTo(JobStatus.SUCCEEDED);
    }

    /** A malformed 202 is no operation to poll: for an instance that exists, a failed call to try again. */
    @Test
    void changesAndDeletionsAnsweredWithMalformedSuccessAreTriedAgainAndNeverPolled() {
        for (Operation operation : new Operation[] {Operation.UPDATE, Operation.SUSPEND, Operation.RESUME}) {
            ProvisioningJob applied = job(operation, JobStep.SEND);
            decider.decide(applied, answer(200, "<html>maintenance</html>"), NOW);
            assertThat(applied.status).as(operation.name()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(applied.step).isEqualTo(JobStep.SEND);
            assertThat(applied.retries).isEqualTo(1);
        }
        for (Operation operation : Operation.values()) {
            if (operation == Operation.PROVISION) {
                continue;
            }
            ProvisioningJob accepted = job(operation, JobStep.SEND);
            decider.decide(accepted, answer(202, "maintenance"), NOW);
            assertThat(accepted.step).as(operation.name()).isEqualTo(JobStep.SEND);
            assertThat(accepted.retries).isEqualTo(1);

            ProvisioningJob polled = job(operation, JobStep.SEND);
            decider.decide(polled, answer(202, "{}"), NOW);
            assertThat(polled.step).as("{} is a well-formed 202").isEqualTo(JobStep.POLL);
        }
    }

    /** OSB: a provisioning's malformed 202 is a failure after which an instance may exist: clean up, then try again. */
    @Test
    void aProvisioningAnsweredWithAMalformed202IsCleanedUp() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(job, answer(202, "<html>maintenance</html>"), NOW);
        assertThat(job.step).isEqualTo(JobStep.CLEANUP);
        assertThat(job.retries).isEqualTo(1);
        assertThat(job.pendingFailure).as("within the budget").isNull();
        assertThat(job.brokerOperation).isNull();

        decider.decide(job, answer(410, "{}"), NOW);
        decider.decide(job, answer(202, ""), NOW.plus(BUDGET));
        assertThat(job.step).isEqualTo(JobStep.CLEANUP);
        assertThat(job.pendingFailure).startsWith("the broker answered 202 with a malformed body (gave up after 2");
    }

    /** Orphan mitigation is done only when the broker says so in a well-formed answer. */
    @Test
    void orphanMitigationAnsweredWithAMalformedSuccessIsTriedAgain() {
        for (int status : new int[] {200, 202}) {
            ProvisioningJob job = job(Operation.PROVISION, JobStep.CLEANUP);
            decider.decide(job, answer(status, "<html>maintenance</html>"), NOW);
            assertThat(job.status).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(job.step).as("after %d", status).isEqualTo(JobStep.CLEANUP);
            assertThat(job.cleanupRetries).isEqualTo(1);
        }
    }

    @Test
    void deprovisionTreatsGoneAsSuccessAndRetriesServerErrorsWithoutCleanup() {
        ProvisioningJob gone = job(Operation.DEPROVISION, JobStep.SEND);
        decider.decide(gone, answer(410, "{}"), NOW);
        assertThat(gone.status).isEqualTo(JobStatus.SUCCEEDED);

        ProvisioningJob failing = job(Operation.DEPROVISION, JobStep.SEND);
        decider.decide(failing, answer(502, ""), NOW);
        assertThat(failing.step).isEqualTo(JobStep.SEND);
        assertThat(failing.retries).isEqualTo(1);
    }

    @Test
    void pollingGoesOnAfterInvalidAnswersWithoutSpendingTheRetriesAndGivesUpAfterTheMaximumDuration() {
        ProvisioningJob job = job(Operation.DEPROVISION, JobStep.POLL);
        job.pollStartedAt = NOW;
        for (int poll = 0; poll < 10; poll++) {
            decider.decide(job, poll % 2 == 0 ? answer(500, "{}") : noAnswer(Failure.TIMEOUT), NOW);
        }
        decider.decide(job, answer(200, "{\"state\":\"strange\"}"), NOW);
        assertThat(job.step).isEqualTo(JobStep.POLL);
        assertThat(job.status).isNotEqualTo(JobStatus.FAILED);
        assertThat(job.retries).isZero();

        decider.decide(job, answer(500, "{}"), NOW.plus(Duration.ofMinutes(31)));
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureReason).startsWith("polling the last operation failed for PT30M");
    }

    @Test
    void pollingThatOutlastsTheMaximumDurationCleansUp() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.POLL);
        job.pollStartedAt = NOW.minus(Duration.ofMinutes(31));
        decider.decide(job, answer(200, "{\"state\":\"in progress\"}"), NOW);
        assertThat(job.step).isEqualTo(JobStep.CLEANUP);
        assertThat(job.pendingFailure).contains("no result from the broker");
    }

    @Test
    void retryAfterIsCappedAtItsMaximum() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.POLL);
        decider.decide(job, new BrokerAnswer(BrokerAction.LAST_OPERATION, UUID.randomUUID(), "GET", "u", null, NOW, 1,
                200, "{\"state\":\"in progress\"}", Duration.ofHours(1), Failure.NONE, null), NOW);
        assertThat(job.nextAttemptAt).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void asynchronousCleanupIsPolledAndThenProvisioningGoesAgain() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.CLEANUP);
        job.retries = 1;
        decider.decide(job, answer(202, "{\"operation\":\"del\"}"), NOW);
        assertThat(job.step).isEqualTo(JobStep.CLEANUP_POLL);
        decider.decide(job, answer(200, "{\"state\":\"succeeded\"}"), NOW);
        assertThat(job.step).isEqualTo(JobStep.SEND);
        assertThat(job.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.nextAttemptAt).isEqualTo(NOW.plusSeconds(1));
    }

    /** An update changes an instance that exists: it is retried or fails, and never cleaned up. */
    @Test
    void updatesAreRetriedOrFailWithoutCleanupAndNoteAnUnusableInstance() {
        ProvisioningJob suspend = job(Operation.SUSPEND, JobStep.SEND);
        decider.decide(suspend, answer(503, "{}"), NOW);
        assertThat(suspend.step).isEqualTo(JobStep.SEND);
        assertThat(suspend.retries).isEqualTo(1);
        decider.decide(suspend, noAnswer(Failure.TIMEOUT), NOW);
        assertThat(suspend.step).isEqualTo(JobStep.SEND);

        ProvisioningJob polled = job(Operation.RESUME, JobStep.POLL);
        decider.decide(polled, answer(200, "{\"state\":\"failed\",\"instance_usable\":false}"), NOW);
        assertThat(polled.status).isEqualTo(JobStatus.FAILED);
        assertThat(polled.failureKind).as("only an update's result tells").isNull();

        ProvisioningJob refused = job(Operation.UPDATE, JobStep.SEND);
        decider.decide(refused, answer(422, "{\"error\":\"X\",\"instance_usable\":false}"), NOW);
        assertThat(refused.status).isEqualTo(JobStatus.FAILED);
        assertThat(refused.failureKind).isEqualTo(FailureKind.INSTANCE_UNUSABLE);

        ProvisioningJob usable = job(Operation.UPDATE, JobStep.POLL);
        decider.decide(usable, answer(200, "{\"state\":\"failed\",\"instance_usable\":true}"), NOW);
        assertThat(usable.status).isEqualTo(JobStatus.FAILED);
        assertThat(usable.failureKind).isEqualTo(FailureKind.INSTANCE_USABLE);

        ProvisioningJob silent = job(Operation.UPDATE, JobStep.SEND);
        decider.decide(silent, answer(400, "{\"error\":\"BadRequest\"}"), NOW);
        assertThat(silent.failureKind).as("absent: usable").isEqualTo(FailureKind.INSTANCE_USABLE);

        ProvisioningJob applied = job(Operation.UPDATE, JobStep.SEND);
        decider.decide(applied, answer(200, "{\"dashboard_url\":\"https://d/2\"}"), NOW);
        assertThat(applied.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(applied.dashboardUrl).isEqualTo("https://d/2");
    }

    /** Only the broker's answer tells whether the instance is usable after a failed update: without one nobody knows. */
    @Test
    void anUpdateThatFailsWithoutTheBrokersAnswerSaysNothingOfTheInstance() {
        ProvisioningJob outOfBudget = job(Operation.UPDATE, JobStep.SEND);
        outOfBudget.budgetFrom = NOW.minus(BUDGET);
        decider.decide(outOfBudget, answer(503, "{\"instance_usable\":false}"), NOW);
        assertThat(outOfBudget.status).isEqualTo(JobStatus.FAILED);
        assertThat(outOfBudget.failureKind).isNull();

        ProvisioningJob unanswered = job(Operation.UPDATE, JobStep.POLL);
        unanswered.pollStartedAt = NOW.minus(Duration.ofHours(1));
        decider.decide(unanswered, answer(200, "{\"state\":\"in progress\"}"), NOW);
        assertThat(unanswered.status).isEqualTo(JobStatus.FAILED);
        assertThat(unanswered.failureKind).isNull();
    }

    /** A Keycloak outage: the job waits, and the time it waits is not taken from any of its budgets. */
    @Test
    void noTokenWaitsWithoutSpendingTheBudget() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
        job.budgetFrom = NOW.minus(BUDGET).plusSeconds(1);
        job.retries = 3;
        decider.decide(job, noAnswer(Failure.NO_TOKEN), NOW.plusSeconds(2));
        assertThat(job.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.retries).isEqualTo(3);
        assertThat(job.nextAttemptAt).isEqualTo(NOW.plusSeconds(2).plus(TOKEN_WAIT));
        decider.decide(job, noAnswer(Failure.NO_TOKEN, NOW.plusSeconds(7)), NOW.plusSeconds(8));
        assertThat(job.budgetFrom).isEqualTo(NOW.minus(BUDGET).plusSeconds(1));

        decider.decide(job, answer(500, "{}", NOW.plusSeconds(12)), NOW.plusSeconds(12));
        assertThat(job.budgetFrom).as("moved by the 12 s from the first call without a token to the next call")
                .isEqualTo(NOW.minus(BUDGET).plusSeconds(13));
        assertThat(job.step).isEqualTo(JobStep.CLEANUP);
        assertThat(job.pendingFailure).as("still within the budget").isNull();
    }

    @Test
    void aBusyBrokerIsAskedAgainShortlyAndAShortCircuitedOneWhenItsCircuitMayHaveClosed() {
        ProvisioningJob busy = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(busy, noAnswer(Failure.BROKER_BUSY), NOW);
        assertThat(busy.nextAttemptAt).isEqualTo(NOW.plusMillis(300));
        assertThat(busy.retries).isZero();
        assertThat(busy.budgetFrom).as("no call was made").isNull();

        ProvisioningJob open = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(open, noAnswer(Failure.CIRCUIT_OPEN), NOW);
        assertThat(open.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(open.step).isEqualTo(JobStep.SEND);
        assertThat(open.nextAttemptAt).isEqualTo(NOW.plusSeconds(30));
        assertThat(open.budgetFrom).isEqualTo(NOW);

        decider.decide(open, noAnswer(Failure.CIRCUIT_OPEN), NOW.plus(BUDGET));
        assertThat(open.status).as("the budget is spent").isEqualTo(JobStatus.FAILED);
        assertThat(open.failureReason).contains("gave up");
        assertThat(open.pendingFailure).as("nothing reached the broker: no orphan").isNull();
    }

    /** Orphan mitigation that its broker's open circuit turns away from the start still spends its budget. */
    @Test
    void orphanMitigationTurnedAwayByAnOpenCircuitEndsWhenItsBudgetIsSpent() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.CLEANUP);
        job.budgetFrom = NOW.minus(BUDGET);
        decider.decide(job, noAnswer(Failure.CIRCUIT_OPEN), NOW);
        assertThat(job.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.step).isEqualTo(JobStep.CLEANUP);
        assertThat(job.cleanupBudgetFrom).isEqualTo(NOW);

        Instant later = NOW.plus(BUDGET).plusSeconds(1);
        decider.decide(job, noAnswer(Failure.CIRCUIT_OPEN, later), later);
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureKind).isEqualTo(FailureKind.ORPHAN_LEFT);
        assertThat(job.failureReason).isEqualTo(
                "provisioning failed; orphan mitigation did not complete after 1 attempts in PT1H: no answer");
    }

    @Test
    void aRefusedBrokerUrlFailsTheJobAsNotAllowed() {
        ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(job, noAnswer(Failure.NOT_ALLOWED), NOW);
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureKind).isEqualTo(FailureKind.NOT_ALLOWED);
        assertThat(job.failureReason).isEqualTo("no answer");
    }

    @Test
    void aDashboardUrlThatIsNotHttpsIsDroppedWithANote() {
        ProvisioningJob plain = job(Operation.PROVISION, JobStep.SEND);
        String note = decider.decide(plain, answer(201, "{\"dashboard_url\":\"http://broker.example/d\"}"), NOW);
        assertThat(plain.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(plain.dashboardUrl).isNull();
        assertThat(note).startsWith("dashboard_url not kept: it is not https");

        ProvisioningJob local = job(Operation.UPDATE, JobStep.SEND);
        assertThat(decider.decide(local, answer(200, "{\"dashboard_url\":\"http://localhost:8090/d\"}"), NOW))
                .isNull();
        assertThat(local.dashboardUrl).isEqualTo("http://localhost:8090/d");
    }

    /**
     * Production's policy allow-lists no host: a broker's dashboard on plain http on a loopback host is not shown to
     * municipalities, there or with any other host allow-listed; the permissive policy (the dev profile) keeps it.
     */
    @Test
    void anHttpLoopbackDashboardUrlIsKeptOnlyWhereBrokersMayBeOnItsHost() {
        StepDecider production = decider(BrokerUrlPolicy.strict(List.of(), StepDeciderTest::noDns,
                Duration.ofSeconds(1)));
        for (String url : List.of("http://localhost:8090/d", "http://127.0.0.1:8090/d", "http://[::1]:8090/d")) {
            ProvisioningJob job = job(Operation.PROVISION, JobStep.SEND);
            String note = production.decide(job, answer(201, "{\"dashboard_url\":\"" + url + "\"}"), NOW);
            assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.dashboardUrl).isNull();
            assertThat(note).isEqualTo("dashboard_url not kept: it is not https, and its loopback host is not "
                    + "allowed for brokers: " + url);
        }
        ProvisioningJob secure = job(Operation.PROVISION, JobStep.SEND);
        assertThat(production.decide(secure, answer(201, "{\"dashboard_url\":\"https://localhost/d\"}"), NOW))
                .isNull();
        assertThat(secure.dashboardUrl).isEqualTo("https://localhost/d");

        ProvisioningJob otherLoopback = job(Operation.PROVISION, JobStep.SEND);
        decider.decide(otherLoopback, answer(201, "{\"dashboard_url\":\"http://127.0.0.1:8090/d\"}"), NOW);
        assertThat(otherLoopback.dashboardUrl).as("127.0.0.1 is not the allow-listed localhost").isNull();

        ProvisioningJob permissive = job(Operation.PROVISION, JobStep.SEND);
        decider(BrokerUrlPolicy.permissive())
                .decide(permissive, answer(201, "{\"dashboard_url\":\"http://127.0.0.1:8090/d\"}"), NOW);
        assertThat(permissive.dashboardUrl).isEqualTo("http://127.0.0.1:8090/d");
    }

    /** The reason goes out in the job's result event: the broker's words in it are cut, what the decider adds stays. */
    @Test
    void aBrokersWordsAreCutInTheReasonAndTheRestOfItStays() {
        ProvisioningJob job = job(Operation.DEPROVISION, JobStep.SEND);
        job.budgetFrom = NOW.minus(BUDGET);
        String words = "y".repeat(100_000);
        decider.decide(job, answer(503, "{\"error\":\"" + words + "\",\"description\":\"" + words + "\"}"), NOW);
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        String cut = "y".repeat(BrokerAnswer.MAX_SUMMARY_CHARS) + "…";
        assertThat(job.failureReason).isEqualTo("the broker answered 503 " + cut + ": " + cut
                + " (gave up after 1 failed attempt in PT1H, retry budget PT1H)");
    }

    private static StepDecider decider(BrokerUrlPolicy brokerUrls) {
        return new StepDecider(BUDGET, new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 1.0), POLL,
                Duration.ofMinutes(1), Duration.ofMinutes(30),
                new StepDecider.Waits(TOKEN_WAIT, fixed(Duration.ofMillis(300)), fixed(Duration.ofSeconds(30))),
                brokerUrls);
    }

    /** Deciding looks nothing up. */
    private static InetAddress[] noDns(String host) throws UnknownHostException {
        throw new UnknownHostException(host);
    }

    private static RetryPolicy fixed(Duration delay) {
        return new RetryPolicy(delay, delay, () -> 1.0);
    }

    private static ProvisioningJob job(Operation operation, JobStep step) {
        ProvisioningJob job = new ProvisioningJob();
        job.id = UUID.randomUUID();
        job.operation = operation;
        job.status = JobStatus.IN_PROGRESS;
        job.step = step;
        job.pollStartedAt = step == JobStep.POLL ? NOW : null;
        job.leaseToken = UUID.randomUUID();
        return job;
    }

    private static BrokerAnswer answer(int status, String body) {
        return answer(status, body, NOW);
    }

    private static BrokerAnswer answer(int status, String body, Instant at) {
        return new BrokerAnswer(BrokerAction.PROVISION, UUID.randomUUID(), "PUT", "u", null, at, 1, status, body, null,
                Failure.NONE, null);
    }

    private static BrokerAnswer noAnswer(Failure failure) {
        return noAnswer(failure, NOW);
    }

    private static BrokerAnswer noAnswer(Failure failure, Instant at) {
        return new BrokerAnswer(BrokerAction.PROVISION, UUID.randomUUID(), "PUT", "u", null, at, 1, null, null, null,
                failure, "no answer");
    }
}
