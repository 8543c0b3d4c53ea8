package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAction;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.client.BrokerAnswer.Failure;
import de.efa.marketplace.domain.BelievedInstance;
import de.efa.marketplace.domain.FindingKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a fetched instance says against what is believed, answer by answer, without a broker. */
class InstanceComparisonTest {

    private static final BelievedInstance ACTIVE = believed(false);
    private static final BelievedInstance SUSPENDED = believed(true);

    @Test
    void aGoneInstanceIsMissingWhateverElseIsBelieved() {
        assertThat(InstanceComparison.of(SUSPENDED, answer(404, "{}")))
                .isEqualTo(new InstanceComparison(true, List.of(FindingKind.MISSING_AT_PROVIDER)));
    }

    @Test
    void theInstanceIsComparedByPlanAndByTheSuspendedExtension() {
        assertThat(InstanceComparison.of(ACTIVE, answer(200, "{\"plan_id\":\"standard\"}")).differences()).isEmpty();
        assertThat(InstanceComparison.of(ACTIVE, answer(200, "{\"plan_id\":\"premium\",\"suspended\":true}"))
                .differences()).containsExactly(FindingKind.PLAN_DIFFERS);
        assertThat(InstanceComparison.of(SUSPENDED, answer(200, "{\"plan_id\":\"standard\",\"suspended\":true}"))
                .differences()).isEmpty();
        // Not saying it is locked is not saying so.
        assertThat(InstanceComparison.of(SUSPENDED, answer(200, "{\"plan_id\":\"premium\"}")).differences())
                .containsExactly(FindingKind.PLAN_DIFFERS, FindingKind.SUSPENSION_NOT_CONFIRMED);
        assertThat(InstanceComparison.of(ACTIVE, answer(200, "{}")).differences()).isEmpty();
    }

    @Test
    void anAnswerThatIsNoInstanceSaysNothing() {
        for (BrokerAnswer answer : new BrokerAnswer[] {answer(422, "{\"error\":\"ConcurrencyError\"}"),
                answer(500, "{}"), answer(200, "[]"), answer(200, "not json"), noAnswer()}) {
            assertThat(InstanceComparison.of(ACTIVE, answer).conclusive()).as(answer.summary()).isFalse();
        }
    }

    private static BelievedInstance believed(boolean suspended) {
        UUID subscription = UUID.randomUUID();
        return new BelievedInstance(subscription, subscription, UUID.randomUUID(), "standard", suspended, "http://b", "akdb");
    }

    private static BrokerAnswer answer(int status, String body) {
        return new BrokerAnswer(BrokerAction.FETCH_INSTANCE, UUID.randomUUID(), "GET", "u", null, Instant.now(), 1,
                status, body, null, Failure.NONE, null);
    }

    private static BrokerAnswer noAnswer() {
        return new BrokerAnswer(BrokerAction.FETCH_INSTANCE, UUID.randomUUID(), "GET", "u", null, Instant.now(), 1,
                null, null, null, Failure.TIMEOUT, "no answer within 5000 ms");
    }
}
