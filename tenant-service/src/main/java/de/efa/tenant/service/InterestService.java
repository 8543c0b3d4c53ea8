package de.efa.tenant.service;

import de.efa.platform.audit.AuditTrail;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.platform.problem.Violations;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.CatalogPlan;
import de.efa.tenant.domain.CatalogService;
import de.efa.tenant.domain.OfferConditions;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.mapping.DeclineRequest;
import de.efa.tenant.mapping.OfferRequest;
import de.efa.tenant.messaging.SubscriptionEvents;
import de.efa.tenant.messaging.SubscriptionEvents.Step;
import de.efa.tenant.repository.CatalogRepository;
import de.efa.tenant.repository.SubscriptionRepository;
import de.efa.tenant.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The providers' inbox of interests (docs/services.md): a provider sees the interests in its own services, as the
 * local catalog copy knows who offers a service, and answers each with an offer or declines it.
 */
@ApplicationScoped
public class InterestService {

    private static final int MAX_NOTE = 2000;
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final SubscriptionRepository subscriptions;
    private final CatalogRepository catalog;
    private final TenantRepository tenants;
    private final SubscriptionEvents events;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public InterestService(SubscriptionRepository subscriptions, CatalogRepository catalog, TenantRepository tenants,
                           SubscriptionEvents events, AuditTrail auditTrail, Clock clock) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.tenants = tenants;
        this.events = events;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** One page of the provider's interests, oldest first: open ones and how the others ended. */
    @Transactional
    public Page<Interest> inbox(Caller caller, String status, PageRequest page) {
        Violations violations = new Violations();
        Optional<SubscriptionStatus> filter = Optional.ofNullable(status)
                .map(value -> violations.parse("status", () -> interestStatus(value)));
        violations.throwIfAny();
        return subscriptions.interestsOfProvider(providerOf(caller), filter, page)
                .map(subscription -> new Interest(subscription, tenantOf(subscription)));
    }

    /**
     * The provider offers under the plan's terms current now; the price becomes the offered one. A plan that has left
     * the catalog cannot be offered (409): its terms are gone with it, and the marketplace would be asked to
     * provision a plan it does not know.
     */
    @Transactional
    public Interest offer(Caller caller, UUID id, OfferRequest request) {
        OfferConditions conditions = conditions(request);
        Subscription interest = ownInterest(caller, id);
        Optional<CatalogPlan> plan = catalog.findPlan(interest.serviceId(), interest.planId());
        // What is no open interest is refused as such by offer, whatever became of its plan since.
        if (plan.isEmpty() && interest.status() == SubscriptionStatus.INTEREST_DECLARED) {
            throw ProblemException.conflict("Plan " + interest.planId() + " of service " + interest.serviceId()
                    + " is no longer in the catalog; its interest can no longer be offered");
        }
        Instant now = clock.instant();
        interest.offer(conditions, plan.flatMap(CatalogPlan::terms), caller.describe(), now);
        Tenant tenant = tenantOf(interest);
        events.step(Step.OFFERED, interest, tenant, caller.describe(), now);
        auditTrail.record("subscription.offer", Audited.subscription(interest), interest.status().name());
        return new Interest(interest, tenant);
    }

    @Transactional
    public Interest decline(Caller caller, UUID id, DeclineRequest request) {
        String reason = request == null ? null : request.reason();
        Violations violations = new Violations();
        violations.require("reason", reason);
        if (reason != null && reason.length() > MAX_NOTE) {
            violations.add("reason", "must be at most " + MAX_NOTE + " characters");
        }
        violations.throwIfAny();
        Subscription interest = ownInterest(caller, id);
        Instant now = clock.instant();
        interest.decline(reason.strip(), caller.describe(), now);
        Tenant tenant = tenantOf(interest);
        events.step(Step.DECLINED, interest, tenant, caller.describe(), now);
        auditTrail.record("subscription.decline", Audited.subscription(interest), interest.status().name(),
                Map.of("reason", reason.strip()));
        return new Interest(interest, tenant);
    }

    /** The interest, locked; 404 when there is none, 403 when its service is another provider's. */
    private Subscription ownInterest(Caller caller, UUID id) {
        String providerId = providerOf(caller);
        Subscription interest = subscriptions.findForUpdate(id)
                .filter(subscription -> subscription.contract().model().needsContract())
                .orElseThrow(() -> ProblemException.notFound("No interest " + id));
        String owner = catalog.findService(interest.serviceId()).map(CatalogService::providerId).orElse(null);
        if (!providerId.equals(owner)) {
            throw ProblemException.forbidden("Interest " + id + " is in a service of another provider");
        }
        return interest;
    }

    private Tenant tenantOf(Subscription subscription) {
        return tenants.findByIdOptional(subscription.ags().value())
                .orElseThrow(() -> new IllegalStateException("subscription " + subscription.id() + " has no tenant"));
    }

    private static String providerOf(Caller caller) {
        return caller.providerId().filter(caller::isProvider)
                .orElseThrow(() -> ProblemException.forbidden("The token names no provider (claim provider_id)"));
    }

    /**
     * The offer's conditions, or 422 with every violation of the request at once, so that a provider fixes the form
     * in one round. A start date before today, in Germany, would be shown to the municipality as a past begin.
     */
    private OfferConditions conditions(OfferRequest request) {
        Violations violations = new Violations();
        OfferRequest.Conditions given = request == null ? null : request.conditions();
        if (given == null) {
            violations.add("conditions", "must be given, with at least a note");
            throw invalidOffer(violations);
        }
        violations.require("conditions.note", given.note());
        if (given.note() != null && given.note().length() > MAX_NOTE) {
            violations.add("conditions.note", "must be at most " + MAX_NOTE + " characters");
        }
        nonNegative(violations, "conditions.setupFeeCents", given.setupFeeCents());
        nonNegative(violations, "conditions.annualCents", given.annualCents());
        LocalDate startDate = given.startDate() == null ? null
                : violations.parse("conditions.startDate", () -> date(given.startDate()));
        LocalDate today = LocalDate.now(clock.withZone(GERMANY));
        if (startDate != null && startDate.isBefore(today)) {
            violations.add("conditions.startDate", "must be today (" + today + ") or later");
        }
        if (!violations.isEmpty()) {
            throw invalidOffer(violations);
        }
        return new OfferConditions(Optional.ofNullable(given.setupFeeCents()), Optional.ofNullable(given.annualCents()),
                Optional.ofNullable(startDate), given.note().strip());
    }

    private static ProblemException invalidOffer(Violations violations) {
        List<Violation> found = violations.list();
        return new ProblemException(422, "invalid-offer", "Invalid offer",
                found.size() + " condition(s) of the offer are invalid", found);
    }

    private static void nonNegative(Violations violations, String field, Long cents) {
        if (cents != null && cents < 0) {
            violations.add(field, "must be 0 cents or more");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date like 2027-01-01");
        }
    }

    private static SubscriptionStatus interestStatus(String value) {
        try {
            SubscriptionStatus status = SubscriptionStatus.valueOf(value);
            if (status.isBeingAgreed() || status == SubscriptionStatus.DECLINED || status == SubscriptionStatus.WITHDRAWN
                    || status == SubscriptionStatus.EXPIRED) {
                return status;
            }
        } catch (IllegalArgumentException e) {
            // answered below, with the statuses an interest can have
        }
        throw new IllegalArgumentException("must be one of INTEREST_DECLARED, OFFERED, DECLINED, WITHDRAWN, EXPIRED");
    }
}
