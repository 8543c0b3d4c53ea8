package de.efa.tenant.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.outbox.Outbox;
import de.efa.platform.outbox.OutgoingEvent;
import de.efa.tenant.domain.Offer;
import de.efa.tenant.domain.Operation;
import de.efa.tenant.domain.RequestedUpdate;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.domain.Terms;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a subscription's events (docs/events.md, {@code efa.onboarding.requests.v1}, key = subscription id) to the
 * outbox, in the caller's transaction: the requests that make the marketplace provision, deprovision, update, suspend
 * or resume an instance, and the steps of agreeing a contract, which the marketplace skips. The caller has locked (or
 * created) the subscription first, so one subscription's events go out in the order they happened.
 */
@ApplicationScoped
public class SubscriptionEvents {

    public static final String TOPIC = "efa.onboarding.requests.v1";

    private final Outbox outbox;
    private final ObjectMapper json;

    public SubscriptionEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** The requests and the operation each one asks the marketplace for. */
    public enum Request {
        REQUESTED("de.efa.subscription.requested.v1", Operation.PROVISION),
        RESUBMITTED("de.efa.subscription.resubmitted.v1", Operation.PROVISION),
        CANCELLATION_REQUESTED("de.efa.subscription.cancellation-requested.v1", Operation.DEPROVISION),
        UPDATE_REQUESTED("de.efa.subscription.update-requested.v1", Operation.UPDATE),
        SUSPEND_REQUESTED("de.efa.subscription.suspend-requested.v1", Operation.SUSPEND),
        RESUME_REQUESTED("de.efa.subscription.resume-requested.v1", Operation.RESUME);

        private final String ceType;
        private final Operation operation;

        Request(String ceType, Operation operation) {
            this.ceType = ceType;
            this.operation = operation;
        }

        public String ceType() {
            return ceType;
        }

        public Operation operation() {
            return operation;
        }

        /** The request of this CloudEvents type; none for a step of the reuse process, which asks for no job. */
        public static Optional<Request> ofType(String ceType) {
            return Arrays.stream(values()).filter(request -> request.ceType.equals(ceType)).findFirst();
        }
    }

    /** The steps of the reuse process before anything is provisioned. */
    public enum Step {
        INTEREST_DECLARED("de.efa.subscription.interest-declared.v1"),
        OFFERED("de.efa.subscription.offered.v1"),
        DECLINED("de.efa.subscription.declined.v1"),
        WITHDRAWN("de.efa.subscription.withdrawn.v1"),
        EXPIRED("de.efa.subscription.expired.v1"),
        CONCLUDED("de.efa.subscription.concluded.v1");

        private final String ceType;

        Step(String ceType) {
            this.ceType = ceType;
        }

        public String ceType() {
            return ceType;
        }
    }

    /**
     * The value of a request record. {@code planId} and {@code parameters} are those to apply: the requested ones of
     * an update, which alone names {@code previousPlanId}; those in effect otherwise. {@code originatingUserId} is the
     * subject of the person whose request it is, null when nobody asked (a suspension that follows a provisioning).
     */
    public record RequestPayload(UUID subscriptionId, Operation operation, String ags, String tenantName, String land,
            UUID serviceId, String planId, JsonNode parameters,
            @JsonInclude(JsonInclude.Include.NON_NULL) String previousPlanId, String originatingUserId,
            Instant requestedAt) {
    }

    /** The value of a step of the reuse process. */
    public record StepPayload(UUID subscriptionId, String ags, String tenantName, String land, UUID serviceId,
            String planId, String status, String actor, TermsPayload terms, OfferPayload offer, String reason,
            Instant occurredAt) {
    }

    public record TermsPayload(String version, String url, String sha256) {
    }

    public record OfferPayload(Long setupFeeCents, Long annualCents, LocalDate startDate, String note) {
    }

    /**
     * Writes a request and answers its id: the id of the job the marketplace makes for it, which the results of that
     * job carry.
     *
     * @param originatingUserId the OIDC subject of the person who asked, null when nobody did
     */
    public UUID request(Request type, Subscription subscription, Tenant tenant, String originatingUserId,
            Instant now) {
        return requests(type, List.of(subscription), any -> tenant, originatingUserId, now).get(0);
    }

    /**
     * Writes the same request for each of these subscriptions in one round trip (a rollout's batch), and answers
     * their ids in the same order.
     */
    public List<UUID> requests(Request type, List<Subscription> subscriptions, Function<Subscription, Tenant> tenantOf,
            String originatingUserId, Instant now) {
        return outbox.writeAll(subscriptions.stream()
                .map(subscription -> event(type.ceType, subscription, requestPayload(type, subscription,
                        tenantOf.apply(subscription), originatingUserId, now)))
                .toList());
    }

    public void step(Step type, Subscription subscription, Tenant tenant, String actor, Instant now) {
        steps(type, List.of(subscription), any -> tenant, actor, now);
    }

    /** Writes the same step for each of these subscriptions in one round trip. */
    public void steps(Step type, List<Subscription> subscriptions, Function<Subscription, Tenant> tenantOf,
            String actor, Instant now) {
        outbox.writeAll(subscriptions.stream()
                .map(subscription -> event(type.ceType, subscription, stepPayload(subscription,
                        tenantOf.apply(subscription), actor, now)))
                .toList());
    }

    private RequestPayload requestPayload(Request type, Subscription subscription, Tenant tenant,
            String originatingUserId, Instant now) {
        Optional<RequestedUpdate> update = type == Request.UPDATE_REQUESTED
                ? Optional.of(subscription.requestedUpdate().orElseThrow(() -> new IllegalStateException(
                        "subscription " + subscription.id() + " has no requested update")))
                : Optional.empty();
        try {
            return new RequestPayload(subscription.id(), type.operation, tenant.ags().value(),
                    tenant.name(), tenant.ags().land().code(), subscription.serviceId(),
                    update.map(RequestedUpdate::planId).orElse(subscription.planId()),
                    json.readTree(update.map(RequestedUpdate::parametersJson).orElse(subscription.parametersJson())),
                    update.map(requested -> subscription.planId()).orElse(null), originatingUserId, now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters of subscription " + subscription.id()
                    + " are not JSON", e);
        }
    }

    private static StepPayload stepPayload(Subscription subscription, Tenant tenant, String actor, Instant now) {
        return new StepPayload(subscription.id(), tenant.ags().value(), tenant.name(),
                tenant.ags().land().code(), subscription.serviceId(), subscription.planId(),
                subscription.status().name(), actor,
                subscription.contract().terms().map(SubscriptionEvents::terms).orElse(null),
                subscription.offer().map(SubscriptionEvents::offer).orElse(null),
                subscription.declineReason().orElse(null), now);
    }

    private OutgoingEvent event(String type, Subscription subscription, Object payload) {
        try {
            return OutgoingEvent.of(TOPIC, subscription.id().toString(), type, json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event of subscription " + subscription.id()
                    + " could not be written as JSON", e);
        }
    }

    private static TermsPayload terms(Terms terms) {
        return new TermsPayload(terms.version(), terms.url(), terms.sha256());
    }

    private static OfferPayload offer(Offer offer) {
        return new OfferPayload(offer.setupFeeCents(), offer.annualCents(), offer.startDate(), offer.note());
    }
}
