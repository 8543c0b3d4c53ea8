package de.efa.tenant.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscription's state machine, without Quarkus. */
class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Terms TERMS = new Terms("2026-01", "https://provider.example/terms-2026-01.html",
            "a".repeat(64));
    private static final Terms NEWER_TERMS = new Terms("2026-02", "https://provider.example/terms-2026-02.html",
            "b".repeat(64));
    private static final PriceSnapshot PLAN_PRICE = new Pricing(50_000, 100_000, 2).snapshotFor(10_000);
    private static final PriceSnapshot KOMFORT_PRICE = new Pricing(0, 200_000, 3).snapshotFor(10_000);

    @Test
    void an_interest_is_offered_under_the_terms_current_then_and_concluded_under_those() {
        Subscription interest = interest();
        assertThat(interest.status()).isEqualTo(SubscriptionStatus.INTEREST_DECLARED);
        assertThat(interest.status().isLive()).isTrue();

        interest.offer(new OfferConditions(Optional.empty(), Optional.of(99_000L), Optional.of(LocalDate.of(2027, 1, 1)),
                "Nachnutzung ab Januar"), Optional.of(NEWER_TERMS), "provider akdb", NOW.plusSeconds(60));

        assertThat(interest.status()).isEqualTo(SubscriptionStatus.OFFERED);
        assertThat(interest.price()).isEqualTo(PriceSnapshot.flat(50_000, 99_000, 10_000));
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
    void a_subscription_keeps_the_trace_it_was_created_in() {
        Subscription subscription = interest();
        assertThat(subscription.traceId()).isEmpty();

        subscription.createdInTrace("4bf92f3577b34da6a3ce929d0e0e4736");
        subscription.createdInTrace("0af7651916cd43dd8448eb211c80319c");

        assertThat(subscription.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
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
    void a_failed_provisioning_that_an_operator_retried_at_the_marketplace_is_taken_up_again() {
        Subscription subscription = Subscription.request(Ags.of("14713000"), UUID.randomUUID(), "standard", "{}",
                PLAN_PRICE, Contract.none(), "Requested by municipality 14713000", NOW);
        subscription.provisioningStarted(Operation.PROVISION, NOW, "PROVISION started at the provider");
        subscription.provisioningFailed(Operation.PROVISION, "broker down", NOW);
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.FAILED);

        assertThat(subscription.provisioningStarted(Operation.PROVISION, NOW, "PROVISION started at the provider"))
                .isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PROVISIONING);
        assertThat(subscription.failureReason()).isNull();
        assertThat(subscription.provisioned("i-1", null, NOW, "Instance i-1 provisioned")).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.history()).extracting(HistoryEntry::status).containsExactly(
                SubscriptionStatus.REQUESTED, SubscriptionStatus.PROVISIONING, SubscriptionStatus.FAILED,
                SubscriptionStatus.PROVISIONING, SubscriptionStatus.ACTIVE);

        Subscription failedAgain = Subscription.request(Ags.of("14713000"), UUID.randomUUID(), "standard", "{}",
                PLAN_PRICE, Contract.none(), "Requested by municipality 14713000", NOW);
        failedAgain.provisioningFailed(Operation.PROVISION, "broker down", NOW);
        failedAgain.provisioningStarted(Operation.PROVISION, NOW, "PROVISION started at the provider");
        assertThat(failedAgain.provisioningFailed(Operation.PROVISION, "still down", NOW)).isTrue();
        assertThat(failedAgain.status()).isEqualTo(SubscriptionStatus.FAILED);
        assertThat(failedAgain.failureReason()).isEqualTo("still down");
        assertThat(active().provisioningStarted(Operation.PROVISION, NOW, "late")).isFalse();
    }

    @Test
    void final_statuses_are_not_live() {
        assertThat(SubscriptionStatus.finals()).containsExactlyInAnyOrder(SubscriptionStatus.CANCELLED,
                SubscriptionStatus.FAILED, SubscriptionStatus.DECLINED, SubscriptionStatus.WITHDRAWN,
                SubscriptionStatus.EXPIRED);
        assertThat(SubscriptionStatus.OFFERED.isLive()).isTrue();
    }

    @Test
    void a_change_waits_for_the_provider_and_then_replaces_plan_configuration_price_and_contract() {
        Subscription subscription = active();
        RequestedUpdate update = new RequestedUpdate("komfort", "{\"telefon\":\"0341 1\"}", KOMFORT_PRICE,
                Contract.accepted(ContractModel.TERMS, TERMS, new Acceptance("municipality 14713000", NOW)));

        subscription.requestUpdate(update, "municipality 14713000", NOW);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.UPDATE_REQUESTED);
        assertThat(subscription.planId()).isEqualTo("standard");
        assertThat(subscription.price()).isEqualTo(PLAN_PRICE);
        assertThat(subscription.requestedUpdate()).contains(update);
        assertThat(lastDetail(subscription)).isEqualTo("Update requested by municipality 14713000 (plan standard → "
                + "komfort, 0.00 € setup fee, 2,300.00 € a year); in effect until the provider confirms: plan "
                + "standard, parameters {}, 500.00 € setup fee, 1,200.00 € a year");
        assertThatThrownBy(() -> subscription.requestUpdate(update, "municipality 14713000", NOW))
                .isInstanceOf(StatusTransitionException.class);
        assertThatThrownBy(() -> subscription.requestCancellation(NOW, "x")).isInstanceOf(StatusTransitionException.class);
        assertThat(subscription.provisioningStarted(Operation.PROVISION, NOW, "x")).isFalse();
        assertThat(subscription.provisioningStarted(Operation.UPDATE, NOW, "UPDATE started")).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.UPDATING);

        assertThat(subscription.updated("komfort", NOW)).isTrue();

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.planId()).isEqualTo("komfort");
        assertThat(subscription.parametersJson()).isEqualTo("{\"telefon\":\"0341 1\"}");
        assertThat(subscription.price()).isEqualTo(KOMFORT_PRICE);
        assertThat(subscription.contract().terms()).contains(TERMS);
        assertThat(subscription.requestedUpdate()).isEmpty();
        assertThat(subscription.updated("komfort", NOW)).isFalse();
        assertThat(subscription.history()).extracting(HistoryEntry::status).containsExactly(
                SubscriptionStatus.REQUESTED, SubscriptionStatus.ACTIVE, SubscriptionStatus.UPDATE_REQUESTED,
                SubscriptionStatus.UPDATING, SubscriptionStatus.ACTIVE);
        assertThat(lastDetail(subscription))
                .isEqualTo("Plan changed at the provider: standard → komfort, 0.00 € setup fee, 2,300.00 € a year");
    }

    @Test
    void a_failed_change_keeps_what_is_in_effect_and_says_why_until_a_change_succeeds() {
        Subscription subscription = active();
        subscription.requestUpdate(configuration("{\"a\":1}"), "bundler kisa", NOW);
        assertThat(lastDetail(subscription)).startsWith("Update requested by bundler kisa (new configuration)");

        assertThat(subscription.updateFailed("broker answered 422", Optional.of(true), NOW.plusSeconds(5))).isTrue();

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.parametersJson()).isEqualTo("{}");
        assertThat(subscription.requestedUpdate()).isEmpty();
        assertThat(subscription.lastUpdateFailure()).contains(new UpdateFailure("broker answered 422",
                NOW.plusSeconds(5)));
        assertThat(subscription.updateFailed("again", Optional.of(true), NOW)).isFalse();

        subscription.requestUpdate(configuration("{\"a\":2}"), "bundler kisa", NOW);
        assertThat(subscription.updateFailed("instance broken", Optional.of(false), NOW)).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.UNUSABLE);
        assertThat(subscription.lastUpdateFailure().orElseThrow().reason()).isEqualTo("instance broken");

        subscription.requestUpdate(configuration("{}"), "bundler kisa", NOW);
        assertThat(subscription.updated("standard", NOW)).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.lastUpdateFailure()).isEmpty();
        assertThat(lastDetail(subscription)).isEqualTo("Configuration updated at the provider");
    }

    @Test
    void a_change_that_failed_without_the_providers_word_leaves_the_subscription_as_it_was_before_it() {
        Subscription active = active();
        active.requestUpdate(configuration("{\"a\":1}"), "municipality 14713000", NOW);
        active.provisioningStarted(Operation.UPDATE, NOW, "UPDATE started at the provider");
        assertThat(active.updateFailed("out of budget", Optional.empty(), NOW)).isTrue();
        assertThat(active.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(lastDetail(active)).isEqualTo("Update failed, plan standard and its configuration stay: "
                + "out of budget");

        Subscription unusable = active();
        unusable.requestUpdate(configuration("{\"a\":1}"), "municipality 14713000", NOW);
        unusable.updateFailed("instance broken", Optional.of(false), NOW);
        unusable.repriceFor(12_000, "operator o-1", NOW);
        unusable.requestUpdate(configuration("{}"), "municipality 14713000", NOW);
        unusable.repriceFor(13_000, "operator o-1", NOW);
        unusable.provisioningStarted(Operation.UPDATE, NOW, "UPDATE started at the provider");

        assertThat(unusable.updateFailed("not offered by the broker", Optional.empty(), NOW)).isTrue();

        assertThat(unusable.status()).isEqualTo(SubscriptionStatus.UNUSABLE);
        assertThat(unusable.parametersJson()).isEqualTo("{}");
        assertThat(unusable.requestedUpdate()).isEmpty();
        assertThat(unusable.lastUpdateFailure().orElseThrow().reason()).isEqualTo("not offered by the broker");
        assertThat(lastDetail(unusable)).isEqualTo("Update failed, the instance stays unusable: not offered by the "
                + "broker");
        unusable.requestUpdate(configuration("{}"), "municipality 14713000", NOW);
        assertThat(unusable.updateFailed("refused", Optional.of(true), NOW)).isTrue();
        assertThat(unusable.status()).as("the provider says so").isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void an_unusable_subscription_can_be_cancelled_and_so_can_a_suspended_one() {
        Subscription unusable = active();
        unusable.requestUpdate(configuration("{\"a\":1}"), "municipality 14713000", NOW);
        unusable.updateFailed("gone wrong", Optional.of(false), NOW);
        unusable.requestCancellation(NOW, "Cancellation requested by municipality 14713000");
        assertThat(unusable.status()).isEqualTo(SubscriptionStatus.CANCELLATION_REQUESTED);

        Subscription suspended = active();
        suspended.requestSuspension(NOW, "Suspension requested");
        assertThatThrownBy(() -> suspended.requestCancellation(NOW, "x")).isInstanceOf(StatusTransitionException.class);
        suspended.suspended(true, null, NOW);
        suspended.requestCancellation(NOW, "Cancellation requested by operator operator");
        assertThat(suspended.status()).isEqualTo(SubscriptionStatus.CANCELLATION_REQUESTED);
    }

    @Test
    void a_cancellation_whose_deprovisioning_failed_is_asked_for_again_and_one_under_way_is_not() {
        Subscription subscription = active();
        subscription.requestCancellation(NOW, "Cancellation requested by municipality 14713000");
        assertThatThrownBy(() -> subscription.requestCancellation(NOW, "again"))
                .isInstanceOf(StatusTransitionException.class);
        subscription.provisioningStarted(Operation.DEPROVISION, NOW, "Deprovisioning started");
        assertThatThrownBy(() -> subscription.requestCancellation(NOW, "again"))
                .as("a deprovisioning under way").isInstanceOf(StatusTransitionException.class);

        assertThat(subscription.provisioningFailed(Operation.DEPROVISION, "broker answered 500", NOW)).isTrue();
        subscription.requestCancellation(NOW, "Cancellation requested by municipality 14713000");

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.CANCELLATION_REQUESTED);
        assertThat(subscription.failureReason()).isNull();
    }

    @Test
    void a_suspension_is_confirmed_or_noted_and_a_resumption_may_follow_one_still_running() {
        Subscription subscription = active();
        assertThat(subscription.isToBeSuspended()).isTrue();
        subscription.requestSuspension(NOW, "Suspension requested: tenant suspended by operator operator");
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.SUSPENDING);
        assertThat(subscription.provisioningStarted(Operation.SUSPEND, NOW, "x")).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.SUSPENDING);
        assertThatThrownBy(() -> subscription.requestUpdate(configuration("{}"), "municipality 14713000", NOW))
                .isInstanceOf(StatusTransitionException.class);

        assertThat(subscription.isToBeResumed()).isTrue();
        subscription.requestResumption(NOW, "Resumption requested: tenant reactivated by operator operator");
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.RESUMING);
        assertThat(subscription.suspended(true, null, NOW)).isFalse();
        assertThat(subscription.provisioningFailed(Operation.RESUME, "broker down", NOW)).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(lastDetail(subscription)).isEqualTo("Resumption failed, the instance stays suspended: broker down");

        assertThat(subscription.resumed(true, null, NOW)).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(lastDetail(subscription)).isEqualTo("Instance resumed at the provider");

        subscription.requestSuspension(NOW, "Suspension requested");
        assertThat(subscription.suspended(false, "context updates not allowed", NOW)).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(lastDetail(subscription))
                .isEqualTo("Instance suspended, but the provider did not confirm it: context updates not allowed");
        assertThatThrownBy(() -> subscription.requestSuspension(NOW, "x")).isInstanceOf(StatusTransitionException.class);

        subscription.requestResumption(NOW, "Resumption requested");
        assertThat(subscription.isToBeSuspended()).isTrue();
        subscription.requestSuspension(NOW, "Suspended again while resuming");
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.SUSPENDING);
    }

    @Test
    void an_unusable_instance_stays_unusable_after_its_tenant_was_suspended_and_reactivated() {
        Subscription unusable = active();
        unusable.requestUpdate(configuration("{\"a\":1}"), "municipality 14713000", NOW);
        unusable.updateFailed("instance broken", Optional.of(false), NOW);
        unusable.requestSuspension(NOW, "Suspension requested");
        unusable.suspended(true, null, NOW);
        unusable.requestResumption(NOW, "Resumption requested");
        unusable.requestSuspension(NOW, "Suspended again while resuming");
        unusable.requestResumption(NOW, "Resumption requested");
        unusable.provisioningFailed(Operation.RESUME, "broker down", NOW);

        assertThat(unusable.resumed(true, null, NOW)).as("the operator's retry of the resumption").isTrue();

        assertThat(unusable.status()).isEqualTo(SubscriptionStatus.UNUSABLE);
        assertThat(unusable.lastUpdateFailure().orElseThrow().reason()).isEqualTo("instance broken");
        assertThat(lastDetail(unusable)).isEqualTo("Instance resumed at the provider; it stays unusable as before the "
                + "suspension, until another change or a cancellation");
        unusable.requestUpdate(configuration("{}"), "municipality 14713000", NOW);
        assertThat(unusable.status()).isEqualTo(SubscriptionStatus.UPDATE_REQUESTED);

        Subscription active = resuming();
        active.resumed(true, null, NOW);
        assertThat(active.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void an_unconfirmed_suspension_is_confirmed_once_by_the_retry_of_its_job_and_the_status_stays() {
        Subscription subscription = active();
        subscription.requestSuspension(NOW, "Suspension requested");
        subscription.suspended(false, "broker answered 503", NOW);
        Instant later = NOW.plusSeconds(60);
        assertThat(subscription.suspended(false, "broker answered 503 again", later)).isFalse();

        assertThat(subscription.suspended(true, null, later)).isTrue();

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(subscription.statusSince()).isEqualTo(NOW);
        assertThat(subscription.updatedAt()).isEqualTo(later);
        assertThat(subscription.history()).extracting(HistoryEntry::status).endsWith(SubscriptionStatus.SUSPENDING,
                SubscriptionStatus.SUSPENDED, SubscriptionStatus.SUSPENDED);
        assertThat(lastDetail(subscription))
                .isEqualTo("Instance suspended at the provider: it has now confirmed the lock");
        int entries = subscription.history().size();
        assertThat(subscription.suspended(true, null, later)).isFalse();
        assertThat(subscription.suspended(false, "late", later)).isFalse();
        assertThat(subscription.history()).hasSize(entries);
    }

    @Test
    void a_confirmed_suspension_or_one_that_moved_on_takes_no_later_confirmation() {
        Subscription confirmed = active();
        confirmed.requestSuspension(NOW, "Suspension requested");
        confirmed.suspended(true, null, NOW);
        int entries = confirmed.history().size();
        assertThat(confirmed.suspended(true, null, NOW)).isFalse();
        assertThat(confirmed.history()).hasSize(entries);

        Subscription resumedInVain = active();
        resumedInVain.requestSuspension(NOW, "Suspension requested");
        resumedInVain.suspended(false, "broker answered 503", NOW);
        resumedInVain.requestResumption(NOW, "Resumption requested");
        resumedInVain.provisioningFailed(Operation.RESUME, "broker answered 404", NOW);
        assertThat(resumedInVain.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(resumedInVain.suspended(true, null, NOW)).isFalse();
        assertThat(lastDetail(resumedInVain))
                .isEqualTo("Resumption failed, the instance stays suspended: broker answered 404");
    }

    @Test
    void a_failed_resumption_leaves_the_subscription_suspended_with_the_reason_and_it_can_be_cancelled() {
        Subscription subscription = resuming();
        Instant later = NOW.plusSeconds(60);

        assertThat(subscription.provisioningFailed(Operation.RESUME, "broker answered 404", later)).isTrue();

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(subscription.statusSince()).isEqualTo(later);
        assertThat(subscription.failureReason()).isEqualTo("broker answered 404");
        assertThat(lastDetail(subscription))
                .isEqualTo("Resumption failed, the instance stays suspended: broker answered 404");
        assertThat(subscription.isToBeSuspended()).isFalse();
        assertThatThrownBy(() -> subscription.requestUpdate(configuration("{}"), "municipality 14713000", NOW))
                .isInstanceOf(StatusTransitionException.class);

        subscription.requestCancellation(NOW, "Cancellation requested by municipality 14713000");
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.CANCELLATION_REQUESTED);
        assertThat(subscription.failureReason()).isNull();
        assertThat(subscription.resumed(true, null, NOW)).isFalse();
    }

    @Test
    void a_failed_resumption_is_taken_up_by_the_retry_of_its_job_or_by_a_new_reactivation() {
        Subscription retried = resuming();
        retried.provisioningFailed(Operation.RESUME, "broker answered 404", NOW);
        assertThat(retried.provisioningFailed(Operation.RESUME, "broker answered 404 again", NOW)).isTrue();
        assertThat(retried.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(retried.failureReason()).isEqualTo("broker answered 404 again");

        assertThat(retried.resumed(true, null, NOW)).isTrue();

        assertThat(retried.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(retried.failureReason()).isNull();
        assertThat(retried.history()).extracting(HistoryEntry::status).endsWith(SubscriptionStatus.RESUMING,
                SubscriptionStatus.SUSPENDED, SubscriptionStatus.SUSPENDED, SubscriptionStatus.ACTIVE);

        Subscription reactivated = resuming();
        reactivated.provisioningFailed(Operation.RESUME, "broker answered 404", NOW);
        assertThat(reactivated.isToBeResumed()).isTrue();
        reactivated.requestResumption(NOW, "Resumption requested: tenant reactivated by operator operator");
        assertThat(reactivated.status()).isEqualTo(SubscriptionStatus.RESUMING);
        assertThat(reactivated.failureReason()).isNull();
    }

    @Test
    void nothing_but_a_settled_or_suspended_instance_is_suspended_or_resumed() {
        Subscription requested = Subscription.request(Ags.of("14713000"), UUID.randomUUID(), "standard", "{}",
                PLAN_PRICE, Contract.none(), "Requested", NOW);
        assertThat(requested.isToBeSuspended()).isFalse();
        assertThat(requested.isToBeResumed()).isFalse();
        assertThatThrownBy(() -> requested.requestSuspension(NOW, "x")).isInstanceOf(StatusTransitionException.class);
        assertThatThrownBy(() -> requested.requestResumption(NOW, "x")).isInstanceOf(StatusTransitionException.class);
        assertThat(requested.resumed(true, null, NOW)).isFalse();
        assertThat(interest().isToBeSuspended()).isFalse();
    }

    @Test
    void a_new_population_reprices_a_live_per_inhabitant_price_and_a_requested_one_with_their_own_rates() {
        Subscription subscription = active();
        subscription.requestUpdate(new RequestedUpdate("komfort", "{}", KOMFORT_PRICE, Contract.none()),
                "municipality 14713000", NOW);

        assertThat(subscription.repriceFor(12_000, "operator o-1", NOW)).isTrue();

        assertThat(subscription.price()).isEqualTo(new PriceSnapshot(50_000, 124_000, 100_000, 2, 12_000));
        assertThat(subscription.requestedUpdate().orElseThrow().price())
                .isEqualTo(new PriceSnapshot(0, 236_000, 200_000, 3, 12_000));
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.UPDATE_REQUESTED);
        assertThat(lastDetail(subscription)).isEqualTo("Population 10000 → 12000 (loaded by operator o-1): 500.00 € "
                + "setup fee, 1,200.00 € a year → 500.00 € setup fee, 1,240.00 € a year; the requested plan komfort now costs 0.00 € setup "
                + "fee, 2,360.00 € a year");
        assertThat(subscription.repriceFor(12_000, "operator o-1", NOW)).isFalse();

        Subscription offered = interest();
        offered.offer(new OfferConditions(Optional.empty(), Optional.of(99_000L), Optional.empty(), "Pauschal"),
                Optional.of(TERMS), "provider akdb", NOW);
        assertThat(offered.repriceFor(12_000, "operator o-1", NOW)).isFalse();
        assertThat(offered.price().annualCents()).isEqualTo(99_000);

        Subscription ended = active();
        ended.requestCancellation(NOW, "x");
        ended.deprovisioned(NOW, "gone");
        assertThat(ended.repriceFor(12_000, "operator o-1", NOW)).isFalse();
        assertThat(ended.price()).isEqualTo(PLAN_PRICE);
    }

    @Test
    void an_open_interest_keeps_the_time_it_was_declared_through_a_new_price_and_an_offer_starts_its_own() {
        Subscription interest = interest();
        Instant later = NOW.plus(Duration.ofDays(20));

        assertThat(interest.repriceFor(12_000, "operator o-1", later)).isTrue();

        assertThat(interest.updatedAt()).isEqualTo(later);
        assertThat(interest.statusSince()).isEqualTo(NOW);
        interest.offer(conditions(), Optional.of(TERMS), "provider akdb", later);
        assertThat(interest.statusSince()).isEqualTo(later);
    }

    private static Subscription active() {
        Subscription subscription = Subscription.request(Ags.of("14713000"), UUID.randomUUID(), "standard", "{}",
                PLAN_PRICE, Contract.none(), "Requested by municipality 14713000", NOW);
        subscription.provisioned("i-1", null, NOW, "provisioned");
        return subscription;
    }

    private static Subscription resuming() {
        Subscription subscription = active();
        subscription.requestSuspension(NOW, "Suspension requested");
        subscription.suspended(true, null, NOW);
        subscription.requestResumption(NOW, "Resumption requested");
        return subscription;
    }

    private static RequestedUpdate configuration(String parametersJson) {
        return new RequestedUpdate("standard", parametersJson, PLAN_PRICE, Contract.none());
    }

    private static String lastDetail(Subscription subscription) {
        return subscription.history().get(subscription.history().size() - 1).detail();
    }

    private static Subscription interest() {
        return Subscription.declareInterest(Ags.of("14713000"), UUID.randomUUID(), "nachnutzung", "{}", PLAN_PRICE,
                Optional.of(TERMS), "Interest declared by municipality 14713000", NOW);
    }

    private static OfferConditions conditions() {
        return new OfferConditions(Optional.empty(), Optional.empty(), Optional.empty(), "Wie im Plan");
    }
}
