package de.efa.marketplace.service;

import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The group commit without a database: what is stored together, and what a failing step does to the others. */
class StepRecorderTest {

    /** Stores in memory; a step whose note is "refused" fails as a constraint violation would. */
    private static final class Transactions extends JobTransitions {

        final List<List<String>> together = new CopyOnWriteArrayList<>();
        final List<String> alone = new CopyOnWriteArrayList<>();
        final CountDownLatch firstBatchMayEnd = new CountDownLatch(1);
        final CountDownLatch firstBatchStarted = new CountDownLatch(1);

        Transactions() {
            super(null, null, null, null, null, null, null, null, null, null);
        }

        @Override
        public void recordAll(List<Step> steps) {
            if (firstBatchStarted.getCount() > 0) {
                firstBatchStarted.countDown();
                awaitRelease(firstBatchMayEnd);
            }
            if (steps.stream().anyMatch(step -> "refused".equals(step.note()))) {
                throw new IllegalStateException("refused");
            }
            together.add(steps.stream().map(Step::note).toList());
        }

        @Override
        public void record(Step step) {
            if ("refused".equals(step.note())) {
                throw new IllegalStateException("refused");
            }
            alone.add(step.note());
        }
    }

    @Test
    void stepsHandedInWhileATransactionRunsAreStoredTogetherInTheNext() throws Exception {
        Transactions transactions = new Transactions();
        StepRecorder recorder = started(transactions);
        CompletableFuture<Void> first = firstBatchHeld(recorder, transactions);
        List<CompletableFuture<Void>> waiting = List.of("a", "b", "c").stream()
                .map(note -> handIn(recorder, note)).toList();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.waiting() == 3);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        transactions.firstBatchMayEnd.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Void> worker : waiting) {
            worker.get(5, TimeUnit.SECONDS);
        }
        assertThat(transactions.together).hasSize(2);
        assertThat(transactions.together.get(0)).containsExactly("first");
        assertThat(transactions.together.get(1)).containsExactlyInAnyOrder("a", "b", "c");
        recorder.stop();
    }

    @Test
    void aStepThatCannotBeStoredFailsItsOwnWorkerOnly() throws Exception {
        Transactions transactions = new Transactions();
        StepRecorder recorder = started(transactions);
        CompletableFuture<Void> first = firstBatchHeld(recorder, transactions);
        CompletableFuture<Void> good = handIn(recorder, "good");
        CompletableFuture<Void> refused = handIn(recorder, "refused");
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.waiting() == 2);

        transactions.firstBatchMayEnd.countDown();
        first.get(5, TimeUnit.SECONDS);
        good.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("refused");
        assertThat(transactions.alone).containsExactly("good");
        recorder.stop();
    }

    private static StepRecorder started(Transactions transactions) {
        StepRecorder recorder = new StepRecorder(transactions, 64);
        recorder.start();
        return recorder;
    }

    /** Hands in the step "first" and waits until its transaction runs; it ends at {@code firstBatchMayEnd}. */
    private static CompletableFuture<Void> firstBatchHeld(StepRecorder recorder, Transactions transactions)
            throws InterruptedException {
        CompletableFuture<Void> first = handIn(recorder, "first");
        assertThat(transactions.firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    /** A worker handing in a step named by its note, and waiting until it is stored. */
    private static CompletableFuture<Void> handIn(StepRecorder recorder, String note) {
        return CompletableFuture.runAsync(() -> recorder.record(
                new JobTransitions.Step(UUID.randomUUID(), null, null, note, Context.root())));
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
