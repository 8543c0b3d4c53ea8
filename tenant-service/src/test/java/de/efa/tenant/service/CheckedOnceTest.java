package de.efa.tenant.service;

import de.efa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckedOnceTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final CheckedOnce once = new CheckedOnce();

    @Test
    void aPassedCheckIsNotRunAgain() {
        for (int item = 0; item < 3; item++) {
            once.run(runs::incrementAndGet);
        }

        assertThat(runs).hasValue(1);
    }

    @Test
    void aRefusalIsEveryLaterItemsWithoutRunningTheCheckAgain() {
        ProblemException refusal = ProblemException.conflict("The plan's parameter schema cannot be used");
        Runnable refusing = () -> {
            runs.incrementAndGet();
            throw refusal;
        };

        for (int item = 0; item < 3; item++) {
            assertThatThrownBy(() -> once.run(refusing)).isSameAs(refusal);
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailureThatIsNoRefusalIsRunAgainForTheNextItem() {
        Runnable failing = () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("the database did not answer");
        };

        assertThatThrownBy(() -> once.run(failing)).isInstanceOf(IllegalStateException.class);
        once.run(runs::incrementAndGet);

        assertThat(runs).hasValue(2);
    }
}
