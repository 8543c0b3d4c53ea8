package de.efa.tenant.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rollout and its items move only as docs/state-machines.md says. */
class RolloutTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final Ags AGS = Ags.of("14713000");

    private static RolloutItem pending() {
        return RolloutItem.pending(UUID.randomUUID(), AGS, Optional.of("Leipzig, Stadt"), NOW);
    }

    private static Subscription requested() {
        return Subscription.request(AGS, UUID.randomUUID(), "standard", "{}",
                new PriceSnapshot(0, 100, 100, 0, 1), Contract.none(), "Requested by operator o", NOW);
    }

    @Test
    void aRolloutRunsUntilItFinishesOnce() {
        Rollout rollout = Rollout.start(UUID.randomUUID(), "standard", "{}", Optional.empty(), "{\"all\":true}",
                new Rollout.Requester("operator o", "o", "operator", Optional.empty()), NOW);
        assertThat(rollout.status()).isEqualTo(RolloutStatus.RUNNING);
        assertThat(rollout.finishedAt()).isEmpty();
        assertThat(rollout.isOfBundler("kisa")).isFalse();

        rollout.finish(NOW.plusSeconds(5));

        assertThat(rollout.status()).isEqualTo(RolloutStatus.DONE);
        assertThat(rollout.finishedAt()).contains(NOW.plusSeconds(5));
        assertThatThrownBy(() -> rollout.finish(NOW)).isInstanceOf(StatusTransitionException.class);
    }

    @Test
    void aPendingItemIsSkippedWithItsReasonAndThatIsFinal() {
        RolloutItem item = pending();
        assertThat(item.status()).isEqualTo(RolloutItemStatus.PENDING);
        assertThat(item.status().isFinal()).isFalse();

        item.skip("Tenant 14713000 is SUSPENDED", NOW);

        assertThat(item.status()).isEqualTo(RolloutItemStatus.SKIPPED);
        assertThat(item.status().isFinal()).isTrue();
        assertThat(item.reason()).contains("Tenant 14713000 is SUSPENDED");
        assertThatThrownBy(() -> item.subscribed(requested(), NOW)).isInstanceOf(StatusTransitionException.class);
        assertThat(item.provisioned(NOW)).isFalse();
        assertThat(item.status()).isEqualTo(RolloutItemStatus.SKIPPED);
    }

    @Test
    void anItemTheServiceFailsAtIsGivenUpAtItsLastAttemptOnlyAndSkippedWithTheFailure() {
        RolloutItem item = pending();
        for (int attempt = 1; attempt < 3; attempt++) {
            assertThat(item.attemptFailed("ERROR: deadlock detected", 3, NOW.plusSeconds(attempt))).isFalse();
            assertThat(item.status()).isEqualTo(RolloutItemStatus.PENDING);
            assertThat(item.failedAttempts()).isEqualTo(attempt);
            assertThat(item.reason()).isEmpty();
            assertThat(item.updatedAt()).isEqualTo(NOW);
        }

        assertThat(item.attemptFailed("ERROR: value too long for type character varying(8)", 3, NOW.plusSeconds(3)))
                .isTrue();

        assertThat(item.status()).isEqualTo(RolloutItemStatus.SKIPPED);
        assertThat(item.status().isFinal()).isTrue();
        assertThat(item.failedAttempts()).isEqualTo(3);
        assertThat(item.reason()).contains("Given up after 3 failed attempts (a fault of tenant-service, not a "
                + "refusal): ERROR: value too long for type character varying(8)");
        assertThat(item.updatedAt()).isEqualTo(NOW.plusSeconds(3));
        assertThatThrownBy(() -> item.attemptFailed("again", 3, NOW)).isInstanceOf(StatusTransitionException.class);
        assertThat(item.failedAttempts()).isEqualTo(3);

        RolloutItem subscribed = pending();
        subscribed.subscribed(requested(), NOW);
        assertThatThrownBy(() -> subscribed.attemptFailed("late", 3, NOW))
                .isInstanceOf(StatusTransitionException.class);
        assertThat(subscribed.status()).isEqualTo(RolloutItemStatus.SUBSCRIBED);
        assertThat(subscribed.failedAttempts()).isZero();
    }

    @Test
    void aSubscribedItemIsSettledByTheFirstProvisioningOnly() {
        RolloutItem active = pending();
        Subscription subscription = requested();
        active.subscribed(subscription, NOW);
        assertThat(active.status()).isEqualTo(RolloutItemStatus.SUBSCRIBED);
        assertThat(active.status().isFinal()).isFalse();
        assertThat(active.subscriptionId()).contains(subscription.id());
        assertThatThrownBy(() -> active.skip("late", NOW)).isInstanceOf(StatusTransitionException.class);

        assertThat(active.provisioned(NOW)).isTrue();
        assertThat(active.status()).isEqualTo(RolloutItemStatus.ACTIVE);
        assertThat(active.provisioningFailed("later failure", NOW)).isFalse();
        assertThat(active.status()).isEqualTo(RolloutItemStatus.ACTIVE);

        RolloutItem failed = pending();
        failed.subscribed(requested(), NOW);
        assertThat(failed.provisioningFailed("quota exceeded", NOW)).isTrue();
        assertThat(failed.status()).isEqualTo(RolloutItemStatus.FAILED);
        assertThat(failed.reason()).contains("quota exceeded");
        assertThat(failed.provisioned(NOW)).isFalse();
    }

    @Test
    void anInterestIsAsFarAsARolloutGoes() {
        RolloutItem item = pending();
        item.subscribed(Subscription.declareInterest(AGS, UUID.randomUUID(), "nachnutzung", "{}",
                new PriceSnapshot(0, 100, 100, 0, 1), Optional.empty(), "Interest declared by operator o", NOW), NOW);

        assertThat(item.status()).isEqualTo(RolloutItemStatus.INTEREST_DECLARED);
        assertThat(item.status().isFinal()).isTrue();
        assertThat(item.provisioned(NOW)).isFalse();
    }
}
