package de.efa.tenant.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscription's state machine of the reuse process, without Quarkus. */
class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Terms TERMS = new Terms("2026-01", "https://provider.example/terms-2026-01.html",
            "a".repeat(64));
    private static final Terms NEWER_TERMS = new Terms("2026-02", "https://provider.example/terms-2026-02.html",
            "b".repeat(64));
    private static final PriceSnapshot PLAN_PRICE = new PriceSnapshot(50_000, 120_000);

    @Test
    void an_interest_is_offered_under_the_terms_current_then_and_concluded_under_those() {
        Subscription interest = interest();
        assertThat(interest.status()).isEqualTo(SubscriptionStatus.INTEREST_DECLARED);
        assertThat(interest.status().isLive()).isTrue();

        interest.offer(new OfferConditions(Optional.empty(), Optional.of(99_000L), Optional.of(LocalDate.of(2027, 1, 1)),
                "Nachnutzung ab Januar"), Optional.of(NEWER_TERMS), "provider akdb", NOW.plusSeconds(60));

        assertThat(interest.status()).isEqualTo(SubscriptionStatus.OFFERED);
        assertThat(interest.price()).isEqualTo(new PriceSnapshot(50_000, 99_000));
        assertThat(interest.contract().terms()).contains(NEWER_TERMS);
        assertThatThrownBy(() -> interest.conclude("2026-01", new Acceptance("bundler kisa", NOW), NOW))
                .isInstanceOf(TermsNotAcceptedException.class)
                .satisfies(e -> assertThat(((TermsNotAcceptedException) e).violations().get(0).field())
                        .isEqualTo("acceptedTerms.version"));

        interest.conclude("2026-02", new Acceptance("bundler kisa", NOW.plusSeconds(120)), NOW.plusSeconds(120));

        assertThat(interest.status()).isEqualTo(SubscriptionStatus.REQUESTED);
        assertThat(interest.contract().acceptance()).contains(new Acceptance("bundler kisa", NOW.plusSeconds(120)));
        assertThat(interest.history()).extracting(HistoryEntry::detail).containsExactly(
                "Interest declared by municipality 14713000", "Offered by provider akdb: Nachnutzung ab Januar",
                "Concluded by bundler kisa");
    }

    @Test
    void only_an_open_interest_is_offered_declined_withdrawn_or_expires() {
        Subscription declined = interest();
        declined.decline("Nicht in Ihrem Land", "provider akdb", NOW);
        assertThat(declined.status()).isEqualTo(SubscriptionStatus.DECLINED);
        assertThat(declined.status().isLive()).isFalse();
        assertThat(declined.declineReason()).contains("Nicht in Ihrem Land");
        assertThatThrownBy(() -> declined.withdraw(NOW, "Withdrawn")).isInstanceOf(StatusTransitionException.class);
        assertThatThrownBy(() -> declined.offer(conditions(), Optional.of(TERMS), "provider akdb", NOW))
                .isInstanceOf(StatusTransitionException.class);

        Subscription offered = interest();
        offered.offer(conditions(), Optional.of(TERMS), "provider akdb", NOW);
        assertThatThrownBy(() -> offered.decline("too late", "provider akdb", NOW))
                .isInstanceOf(StatusTransitionException.class);
        offered.expire(NOW, "Expired");
        assertThat(offered.status()).isEqualTo(SubscriptionStatus.EXPIRED);
        assertThatThrownBy(() -> offered.conclude("2026-01", new Acceptance("municipality 14713000", NOW), NOW))
                .isInstanceOf(StatusTransitionException.class);

        Subscription withdrawn = interest();
        withdrawn.withdraw(NOW, "Withdrawn by municipality 14713000");
        assertThat(withdrawn.status()).isEqualTo(SubscriptionStatus.WITHDRAWN);
    }

    @Test
    void a_requested_subscription_is_neither_withdrawn_nor_expired_nor_concluded() {
        Subscription requested = Subscription.request(Ags.of("14713000"), UUID.randomUUID(), "standard", "{}",
                PLAN_PRICE, Contract.none(), "Requested by municipality 14713000", NOW);

        assertThatThrownBy(() -> requested.withdraw(NOW, "x")).isInstanceOf(StatusTransitionException.class);
        assertThatThrownBy(() -> requested.expire(NOW, "x")).isInstanceOf(StatusTransitionException.class);
        assertThatThrownBy(() -> requested.conclude(null, new Acceptance("municipality 14713000", NOW), NOW))
                .isInstanceOf(StatusTransitionException.class);
    }

    @Test
    void only_results_of_the_latest_request_count() {
        Subscription subscription = interest();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        assertThat(subscription.isResultOfLatestRequest(first)).isTrue();

        subscription.recordRequest(first);
        subscription.recordRequest(second);

        assertThat(subscription.isResultOfLatestRequest(second)).isTrue();
        assertThat(subscription.isResultOfLatestRequest(first)).isFalse();
    }

    @Test
    void final_statuses_are_not_live() {
        assertThat(SubscriptionStatus.finals()).containsExactlyInAnyOrder(SubscriptionStatus.CANCELLED,
                SubscriptionStatus.FAILED, SubscriptionStatus.DECLINED, SubscriptionStatus.WITHDRAWN,
                SubscriptionStatus.EXPIRED);
        assertThat(SubscriptionStatus.OFFERED.isLive()).isTrue();
    }

    private static Subscription interest() {
        return Subscription.declareInterest(Ags.of("14713000"), UUID.randomUUID(), "nachnutzung", "{}", PLAN_PRICE,
                Optional.of(TERMS), "Interest declared by municipality 14713000", NOW);
    }

    private static OfferConditions conditions() {
        return new OfferConditions(Optional.empty(), Optional.empty(), Optional.empty(), "Wie im Plan");
    }
}
