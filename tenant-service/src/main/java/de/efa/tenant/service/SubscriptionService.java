package de.efa.tenant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.platform.problem.Violations;
import de.efa.platform.security.Caller;
import de.efa.platform.tracing.Tracing;
import de.efa.tenant.domain.Acceptance;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.CatalogPlan;
import de.efa.tenant.domain.CatalogService;
import de.efa.tenant.domain.Contract;
import de.efa.tenant.domain.ContractModel;
import de.efa.tenant.domain.PriceSnapshot;
import de.efa.tenant.domain.RequestedUpdate;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.domain.TermsNotAcceptedException;
import de.efa.tenant.mapping.AcceptedTerms;
import de.efa.tenant.mapping.ChangeRequest;
import de.efa.tenant.mapping.SubscribeRequest;
import de.efa.tenant.messaging.SubscriptionEvents;
import de.efa.tenant.messaging.SubscriptionEvents.Request;
import de.efa.tenant.messaging.SubscriptionEvents.Step;
import de.efa.tenant.repository.CatalogRepository;
import de.efa.tenant.repository.SubscriptionRepository;
import de.efa.tenant.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a municipality (or its bundler, or an operator on its behalf) does with its subscriptions: subscribe (or
 * declare interest, for a plan whose reuse needs an offer), conclude an offer, change the plan or configuration,
 * cancel or withdraw; and an operator's resubmission. Each writes the subscription and its event to the outbox in one
 * transaction, so that no accepted request is lost, even while Kafka is down.
 */
@ApplicationScoped
public class SubscriptionService {

    private final TenantRepository tenants;
    private final SubscriptionRepository subscriptions;
    private final CatalogRepository catalog;
    private final ParameterValidator parameterValidator;
    private final SubscriptionEvents events;
    private final TenantScope scope;
    private final AuditTrail auditTrail;
    private final ObjectMapper json;
    private final Clock clock;

    public SubscriptionService(TenantRepository tenants, SubscriptionRepository subscriptions,
            CatalogRepository catalog, ParameterValidator parameterValidator, SubscriptionEvents events,
            TenantScope scope, AuditTrail auditTrail, ObjectMapper json, Clock clock) {
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.parameterValidator = parameterValidator;
        this.events = events;
        this.scope = scope;
        this.auditTrail = auditTrail;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What subscribing looks up: one thing at a time from the repositories for a single request, or from what a
     * rollout's worker read for a whole batch at once. Either way {@link #admit} applies the same rules to it.
     */
    public interface Facts {

        /** The tenant, share-locked until the end of the transaction (TenantRepository#findForShare). */
        Optional<Tenant> tenant(Ags ags);

        Optional<CatalogService> service(UUID id);

        Optional<CatalogPlan> plan(UUID serviceId, String planId);

        /** Whether the municipality gave the bundler a mandate. */
        boolean mandated(Ags ags, String bundlerId);

        /** Whether the tenant has a live subscription to the service (not final). */
        boolean hasLive(Ags ags, UUID serviceId);

        /**
         * Runs the check of the order's parameters against its plan's schema, which may take up to half a second
         * (ParameterValidator). A rollout's batch runs it once: its items carry the same parameters for the same plan.
         */
        default void checkParameters(Runnable check) {
            check.run();
        }
    }

    /** An order to subscribe: the plan, its configuration, and the version of its terms accepted (null if none). */
    public record Order(UUID serviceId, String planId, JsonNode parameters, String acceptedTermsVersion) {
    }

    /** A subscription the rules admitted, not yet stored, with its tenant. */
    public record Admitted(Subscription subscription, Tenant tenant) {
    }

    /**
     * Subscribes a tenant. The refusals come in the order of docs/services.md ("Subscribing"); the last, a live
     * subscription to the same service, is also a database constraint, so that racing requests cannot both pass.
     */
    @Transactional
    public Subscription subscribe(Caller caller, String rawAgs, SubscribeRequest request) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireOrdering(caller, ags);
        Violations violations = new Violations();
        Order order = orderOf(request, violations);
        violations.throwIfAny();
        Instant now = clock.instant();
        Admitted admitted = admit(stored, caller, ags, order, now);
        store(caller, List.of(admitted), Map.of(), now);
        try {
            subscriptions.flush();
        } catch (ConstraintViolationException e) {
            throw alreadySubscribed(ags, request.serviceId());
        }
        return admitted.subscription();
    }

    /**
     * The rules of subscribing a tenant, once for everyone who subscribes: a municipality, its bundler or an operator
     * for one tenant, and a rollout for each of its tenants (which turns a refusal into the reason it skips one).
     * The checks after the caller's scope and the request's form, in the order of docs/services.md ("Subscribing").
     * A plan without a contract is REQUESTED at once; one with TERMS only with the current terms accepted; one with
     * INTEREST becomes an Interessenbekundung, and nothing is provisioned until it is concluded.
     *
     * @return the new subscription, priced for the tenant's population, with its first history entry; not stored
     * @throws ProblemException the first rule the order breaks
     */
    public Admitted admit(Facts facts, Caller caller, Ags ags, Order order, Instant now) {
        Tenant tenant = requireActive(facts.tenant(ags).orElseThrow(() -> TenantService.notFound(ags)));
        CatalogService service = requirePublished(facts.service(order.serviceId()), order.serviceId());
        requireAvailable(service, tenant);
        CatalogPlan plan = planFor(facts, facts.plan(service.id(), order.planId()), order);
        ContractModel model = plan.contractModel();
        if (model.needsContract()) {
            requireInvoiceAddress(tenant, "declared");
        }
        if (model == ContractModel.TERMS) {
            scope.requireAcceptingTerms(caller, ags, facts::mandated);
            TermsNotAcceptedException.requireAccepted(order.acceptedTermsVersion(),
                    plan.terms().orElseThrow().version(), "the plan's");
        }
        if (facts.hasLive(ags, service.id())) {
            throw alreadySubscribed(ags, service.id());
        }
        PriceSnapshot price = plan.pricing().snapshotFor(tenant.population());
        Subscription subscription = model == ContractModel.INTEREST
                ? Subscription.declareInterest(ags, service.id(), plan.planId(), order.parameters().toString(), price,
                        plan.terms(), "Interest declared by " + caller.describe(), now)
                : Subscription.request(ags, service.id(), plan.planId(), order.parameters().toString(), price,
                        contractOf(model, plan, caller, now), "Requested by " + caller.describe(), now);
        subscription.createdInTrace(Tracing.currentTraceId());
        return new Admitted(subscription, tenant);
    }

    /**
     * Stores new subscriptions (inserted at the next flush) with what they bring along: the first event of each, a
     * request for the marketplace or the declared interest, all written in one round trip; and the audit entry of
     * each, naming the caller for the municipality. Persisted last: Hibernate takes an entity's INSERT from its state
     * at {@code persist}, so the request id recorded with the event would otherwise cost an UPDATE of each.
     *
     * @param context added to the details of each audit entry (a rollout names itself)
     */
    public void store(Caller caller, List<Admitted> admitted, Map<String, Object> context, Instant now) {
        announce(caller, admitted, context, now);
        admitted.forEach(one -> subscriptions.persist(one.subscription()));
    }

    private void announce(Caller caller, List<Admitted> admitted, Map<String, Object> context, Instant now) {
        Map<Subscription, Tenant> tenantOf = new HashMap<>();
        admitted.forEach(one -> tenantOf.put(one.subscription(), one.tenant()));
        List<Subscription> interests = admitted.stream().map(Admitted::subscription)
                .filter(subscription -> subscription.status() == SubscriptionStatus.INTEREST_DECLARED).toList();
        List<Subscription> requested = admitted.stream().map(Admitted::subscription)
                .filter(subscription -> subscription.status() == SubscriptionStatus.REQUESTED).toList();
        events.steps(Step.INTEREST_DECLARED, interests, tenantOf::get, caller.describe(), now);
        List<UUID> requestIds = events.requests(Request.REQUESTED, requested, tenantOf::get, caller.subject(), now);
        for (int i = 0; i < requested.size(); i++) {
            requested.get(i).recordRequest(requestIds.get(i));
        }
        List<AuditTrail.Change> created = new ArrayList<>(admitted.size());
        for (Admitted one : admitted) {
            Subscription subscription = one.subscription();
            Map<String, Object> details = new LinkedHashMap<>(Map.of("status", subscription.status().name(),
                    "serviceId", subscription.serviceId(), "planId", subscription.planId()));
            details.putAll(context);
            created.add(new AuditTrail.Change(Audited.forTenant(caller, subscription.ags()), "subscription.create",
                    Audited.subscription(subscription), "created", details));
        }
        auditTrail.recordAll(created);
    }

    /**
     * The part of the rules that is the same for every tenant, which a rollout checks once before it selects any:
     * the service is in the catalog copy (422, as it names a field of the order) and PUBLISHED (409), the plan
     * exists and the parameters satisfy its schema (422); a plan with TERMS is ordered only by someone who may
     * accept terms (never an operator, 422) and with its current version (422).
     *
     * @return the plan
     */
    public CatalogPlan checkOrder(Caller caller, Order order) {
        Optional<CatalogService> found = catalog.findService(order.serviceId());
        if (found.isEmpty()) {
            throw new ProblemException(422, "unknown-service", "Unknown service", "No service " + order.serviceId()
                    + " in the catalog", List.of(new Violation("serviceId", "is not a service of the catalog")));
        }
        CatalogService service = requirePublished(found, order.serviceId());
        CatalogPlan plan = planFor(stored, catalog.findPlan(service.id(), order.planId()), order);
        if (plan.contractModel() == ContractModel.TERMS) {
            if (caller.isOperator()) {
                throw new ProblemException(422, "terms-not-accepted", "Terms not accepted", "Plan " + plan.planId()
                        + " is reused under terms, which only each municipality or its bundler may accept",
                        List.of(new Violation("planId", "has terms that an operator cannot accept for municipalities")));
            }
            TermsNotAcceptedException.requireAccepted(order.acceptedTermsVersion(),
                    plan.terms().orElseThrow().version(), "the plan's");
        }
        return plan;
    }

    /** The facts of one subscribe request, straight from the database. */
    private final Facts stored = new Facts() {

        @Override
        public Optional<Tenant> tenant(Ags ags) {
            return tenants.findForShare(ags.value());
        }

        @Override
        public Optional<CatalogService> service(UUID id) {
            return catalog.findService(id);
        }

        @Override
        public Optional<CatalogPlan> plan(UUID serviceId, String planId) {
            return catalog.findPlan(serviceId, planId);
        }

        @Override
        public boolean mandated(Ags ags, String bundlerId) {
            return scope.mandateExists(ags, bundlerId);
        }

        @Override
        public boolean hasLive(Ags ags, UUID serviceId) {
            return subscriptions.hasLive(ags.value(), serviceId);
        }
    };

    /**
     * Concludes the Nachnutzungsvertrag of an offer: the terms the offer was made under are accepted, the price is
     * the offered one, and provisioning starts. The tenant must be ACTIVE (not suspended) and have a Leitweg-ID.
     */
    @Transactional
    public Subscription conclude(Caller caller, String rawAgs, UUID id, AcceptedTerms acceptedTerms) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireOrdering(caller, ags);
        Subscription subscription = lockedOfTenant(ags, id);
        Tenant tenant = activeTenant(ags);
        requireInvoiceAddress(tenant, "concluded");
        scope.requireAcceptingTerms(caller, ags);
        // What is no offer is refused as such by conclude, whatever became of its service since.
        if (subscription.status() == SubscriptionStatus.OFFERED) {
            requireStillOffered(subscription, tenant);
        }
        Instant now = clock.instant();
        subscription.conclude(versionOf(acceptedTerms), new Acceptance(caller.describe(), now), now);
        events.step(Step.CONCLUDED, subscription, tenant, caller.describe(), now);
        subscription.recordRequest(events.request(Request.REQUESTED, subscription, tenant, caller.subject(), now));
        record(caller, "subscription.conclude", subscription);
        return subscription;
    }

    /**
     * Changes the plan or the configuration (or both) of an ACTIVE or UNUSABLE subscription: the provider is asked
     * to apply the change, and the plan, configuration, price and contract in effect stay until it has. A request
     * that changes nothing of an ACTIVE subscription starts nothing and answers it as it is; of an UNUSABLE one it
     * asks the provider to apply the configuration in effect again, the way back besides cancelling. A new plan is
     * priced at its current rates for the tenant's population, as when subscribing; a new configuration keeps the
     * price. The refusals come in the order of docs/services.md ("Changing a subscription").
     */
    @Transactional
    public Subscription change(Caller caller, String rawAgs, UUID id, long expectedVersion, ChangeRequest request) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireOrdering(caller, ags);
        JsonNode requestedParameters = validChange(request);
        Subscription subscription = lockedOfTenant(ags, id);
        Tenant tenant = activeTenant(ags);
        subscription.requireChangeable();
        requireVersion(subscription, Optional.of(expectedVersion));
        String planId = request.planId() == null ? subscription.planId() : request.planId();
        boolean planChange = !planId.equals(subscription.planId());
        CatalogPlan plan = planChange ? planToChangeTo(subscription, planId) : planInEffect(subscription);
        JsonNode inEffect = parse(subscription.parametersJson());
        JsonNode parameters = requestedParameters == null ? inEffect : requestedParameters;
        plan.parametersSchema().ifPresent(schema -> parameterValidator.check(schema, parameters));
        if (!planChange && parameters.equals(inEffect) && subscription.status() == SubscriptionStatus.ACTIVE) {
            return subscription;
        }
        Instant now = clock.instant();
        RequestedUpdate update;
        if (planChange) {
            ContractModel model = plan.contractModel();
            if (model == ContractModel.TERMS) {
                requireInvoiceAddress(tenant, "agreed by a plan change");
                scope.requireAcceptingTerms(caller, ags);
                TermsNotAcceptedException.requireAccepted(versionOf(request.acceptedTerms()),
                        plan.terms().orElseThrow().version(), "the plan's");
            }
            update = new RequestedUpdate(plan.planId(), parameters.toString(),
                    plan.pricing().snapshotFor(tenant.population()), contractOf(model, plan, caller, now));
        } else {
            update = new RequestedUpdate(subscription.planId(), parameters.toString(), subscription.price(),
                    subscription.contract());
        }
        subscription.requestUpdate(update, caller.describe(), now);
        subscription.recordRequest(events.request(Request.UPDATE_REQUESTED, subscription, tenant, caller.subject(),
                now));
        auditTrail.record(Audited.forTenant(caller, ags), "subscription.update", Audited.subscription(subscription),
                subscription.status().name(), Map.of("planId", update.planId(), "planInEffect", subscription.planId()));
        return subscription;
    }

    @Transactional
    public Page<Subscription> list(Caller caller, String rawAgs, PageRequest page) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireOrdering(caller, ags);
        tenants.findByIdOptional(ags.value()).orElseThrow(() -> TenantService.notFound(ags));
        return subscriptions.ofTenant(ags.value(), page);
    }

    @Transactional
    public Subscription get(Caller caller, String rawAgs, UUID id) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireOrdering(caller, ags);
        return subscriptions.findOfTenant(ags.value(), id).orElseThrow(() -> notFound(id));
    }

    /**
     * Ends a subscription: an interest or an offer is withdrawn at once; an ACTIVE instance is deprovisioned. One
     * still being provisioned is cancelled once it is ACTIVE (409 until then). With an expected version, only that
     * version is ended (412 otherwise): a person who confirmed withdrawing an interest has not confirmed cancelling
     * the subscription it became meanwhile.
     */
    @Transactional
    public Subscription cancel(Caller caller, String rawAgs, UUID id, Optional<Long> expectedVersion) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireOrdering(caller, ags);
        Subscription subscription = lockedOfTenant(ags, id);
        requireVersion(subscription, expectedVersion);
        Tenant tenant = tenants.findByIdOptional(ags.value()).orElseThrow(() -> TenantService.notFound(ags));
        Instant now = clock.instant();
        if (subscription.status().isBeingAgreed()) {
            subscription.withdraw(now, "Withdrawn by " + caller.describe());
            events.step(Step.WITHDRAWN, subscription, tenant, caller.describe(), now);
            record(caller, "subscription.withdraw", subscription);
        } else {
            subscription.requestCancellation(now, "Cancellation requested by " + caller.describe());
            subscription.recordRequest(events.request(Request.CANCELLATION_REQUESTED, subscription, tenant,
                    caller.subject(), now));
            record(caller, "subscription.cancel", subscription);
        }
        return subscription;
    }

    private static void requireVersion(Subscription subscription, Optional<Long> expected) {
        if (expected.isPresent() && subscription.version() != expected.get()) {
            throw ProblemException.preconditionFailed("Subscription " + subscription.id() + " is at version "
                    + subscription.version() + ", not " + expected.get() + "; read it again");
        }
    }

    /** An operator sends a FAILED subscription again, under the rules of subscribing. */
    @Transactional
    public Subscription resubmit(Caller caller, String rawAgs, UUID id) {
        Ags ags = TenantService.parseAgs(rawAgs);
        Subscription subscription = lockedOfTenant(ags, id);
        Tenant tenant = activeTenant(ags);
        subscribableService(subscription.serviceId(), tenant);
        Instant now = clock.instant();
        subscription.resubmit(now, "Resubmitted by " + caller.describe());
        try {
            subscriptions.flush();
        } catch (ConstraintViolationException e) {
            throw alreadySubscribed(ags, subscription.serviceId());
        }
        subscription.recordRequest(events.request(Request.RESUBMITTED, subscription, tenant, caller.subject(), now));
        record(caller, "subscription.resubmit", subscription);
        return subscription;
    }

    /** A step of the subscription, by the caller for its municipality, audited with the status it led to. */
    private void record(Caller caller, String action, Subscription subscription) {
        auditTrail.record(Audited.forTenant(caller, subscription.ags()), action, Audited.subscription(subscription),
                subscription.status().name());
    }

    /**
     * The order of a subscribe request (or a rollout), its form checked: each missing or malformed field is added to
     * {@code violations}, for the caller to answer them all at once (400). Parameters left out are {@code {}}.
     */
    public Order orderOf(SubscribeRequest request, Violations violations) {
        violations.require("serviceId", request.serviceId());
        violations.require("planId", request.planId());
        JsonNode parameters = request.parameters() == null || request.parameters().isNull()
                ? json.createObjectNode() : request.parameters();
        if (!parameters.isObject()) {
            violations.add("parameters", "must be a JSON object");
        }
        return new Order(request.serviceId(), request.planId(), parameters, versionOf(request.acceptedTerms()));
    }

    /** What a change leaves out stays; what it names must be a plan id and a configuration object. */
    private static JsonNode validChange(ChangeRequest request) {
        Violations violations = new Violations();
        if (request.planId() != null && request.planId().isBlank()) {
            violations.add("planId", "must not be blank");
        }
        JsonNode parameters = request.parameters() == null || request.parameters().isNull() ? null
                : request.parameters();
        if (parameters != null && !parameters.isObject()) {
            violations.add("parameters", "must be a JSON object");
        }
        violations.throwIfAny();
        return parameters;
    }

    /**
     * The plan a subscription changes to: the current plan must allow leaving it, and the new one must be a plan of
     * the still PUBLISHED service that needs no Interessenbekundung.
     */
    private CatalogPlan planToChangeTo(Subscription subscription, String planId) {
        CatalogService service = catalog.findService(subscription.serviceId()).filter(CatalogService::isPublished)
                .orElseThrow(() -> ProblemException.conflict("Service " + subscription.serviceId()
                        + " is no longer PUBLISHED; its subscriptions keep their plan"));
        boolean updatable = catalog.findPlan(service.id(), subscription.planId()).map(CatalogPlan::isUpdatable)
                .orElse(false);
        if (!updatable) {
            throw ProblemException.conflict("Plan " + subscription.planId() + " is not updatable: a subscription "
                    + "to it cannot change to another plan, only its configuration");
        }
        CatalogPlan plan = catalog.findPlan(service.id(), planId).orElseThrow(() -> unknownPlan(service.id(), planId));
        if (plan.contractModel() == ContractModel.INTEREST) {
            throw ProblemException.conflict("Plan " + planId + " is reused only after an Interessenbekundung: cancel "
                    + "this subscription and declare an interest in it");
        }
        return plan;
    }

    /** The plan in effect, whose schema a new configuration must satisfy. */
    private CatalogPlan planInEffect(Subscription subscription) {
        return catalog.findPlan(subscription.serviceId(), subscription.planId())
                .orElseThrow(() -> ProblemException.conflict("Plan " + subscription.planId() + " of service "
                        + subscription.serviceId() + " is no longer in the catalog; its configuration cannot be "
                        + "checked"));
    }

    private JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters are not JSON", e);
        }
    }

    private static Contract contractOf(ContractModel model, CatalogPlan plan, Caller caller, Instant now) {
        return model == ContractModel.TERMS
                ? Contract.accepted(model, plan.terms().orElseThrow(), new Acceptance(caller.describe(), now))
                : Contract.none();
    }

    private static String versionOf(AcceptedTerms accepted) {
        return accepted == null ? null : accepted.version();
    }

    /** A contract names its customer's invoice address: without a Leitweg-ID nothing is declared or concluded. */
    private static void requireInvoiceAddress(Tenant tenant, String step) {
        if (tenant.leitwegId().isEmpty()) {
            throw new ProblemException(409, "leitweg-id-required", "Leitweg-ID required",
                    "A subscription to a plan with a contract is " + step + " only for a tenant with a Leitweg-ID; "
                            + "set it with PUT /api/v1/tenants/" + tenant.ags() + "/invoice-address",
                    List.of(new Violation("leitwegId", "is not set for tenant " + tenant.ags())));
        }
    }

    private Tenant activeTenant(Ags ags) {
        return requireActive(tenants.findByIdOptional(ags.value()).orElseThrow(() -> TenantService.notFound(ags)));
    }

    private static Tenant requireActive(Tenant tenant) {
        if (!tenant.isActive()) {
            throw ProblemException.conflict("Tenant " + tenant.ags() + " is " + tenant.status()
                    + "; only an ACTIVE tenant can subscribe, conclude or change a subscription");
        }
        return tenant;
    }

    private CatalogService subscribableService(UUID serviceId, Tenant tenant) {
        CatalogService service = requirePublished(catalog.findService(serviceId), serviceId);
        requireAvailable(service, tenant);
        return service;
    }

    private static CatalogService requirePublished(Optional<CatalogService> found, UUID serviceId) {
        CatalogService service = found
                .orElseThrow(() -> ProblemException.notFound("No service " + serviceId + " in the catalog"));
        if (!service.isPublished()) {
            throw ProblemException.conflict("Service " + serviceId + " is " + service.status()
                    + "; only a PUBLISHED service can be subscribed to");
        }
        return service;
    }

    /**
     * Concluding is when provisioning starts, so the service must still be one that can be subscribed to in the
     * tenant's Land, as when the interest was declared: an offer for a service deprecated since then cannot be
     * concluded (409) and stays OFFERED until it is withdrawn or expires. So must its plan: the marketplace would
     * not know the plan of the request.
     */
    private void requireStillOffered(Subscription subscription, Tenant tenant) {
        CatalogService service = catalog.findService(subscription.serviceId()).filter(CatalogService::isPublished)
                .orElseThrow(() -> ProblemException.conflict("Service " + subscription.serviceId()
                        + " is no longer PUBLISHED; its offer can no longer be concluded"));
        requireAvailable(service, tenant);
        if (catalog.findPlan(service.id(), subscription.planId()).isEmpty()) {
            throw ProblemException.conflict("Plan " + subscription.planId() + " of service " + service.id()
                    + " is no longer in the catalog; its offer can no longer be concluded");
        }
    }

    private static void requireAvailable(CatalogService service, Tenant tenant) {
        if (!service.isAvailableIn(tenant.ags().land())) {
            throw ProblemException.conflict("Service " + service.id() + " is not offered in "
                    + tenant.ags().land().germanName());
        }
    }

    /** The plan of the order, which must exist, with parameters its schema accepts. */
    private CatalogPlan planFor(Facts facts, Optional<CatalogPlan> found, Order order) {
        CatalogPlan plan = found.orElseThrow(() -> unknownPlan(order.serviceId(), order.planId()));
        facts.checkParameters(() -> plan.parametersSchema()
                .ifPresent(schema -> parameterValidator.check(schema, order.parameters())));
        return plan;
    }

    private Subscription lockedOfTenant(Ags ags, UUID id) {
        return subscriptions.findForUpdate(id)
                .filter(subscription -> subscription.ags().equals(ags))
                .orElseThrow(() -> notFound(id));
    }

    private static ProblemException unknownPlan(UUID serviceId, String planId) {
        return new ProblemException(422, "unknown-plan", "Unknown plan", "Service " + serviceId + " has no plan '"
                + planId + "'", List.of(new Violation("planId", "is not a plan of this service")));
    }

    private static ProblemException alreadySubscribed(Ags ags, UUID serviceId) {
        return ProblemException.conflict("Tenant " + ags + " already has a live subscription to service " + serviceId
                + " (one that is not CANCELLED, FAILED, DECLINED, WITHDRAWN or EXPIRED)");
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No subscription " + id + " of this tenant");
    }
}
