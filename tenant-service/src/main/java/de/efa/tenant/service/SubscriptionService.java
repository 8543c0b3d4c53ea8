package de.efa.tenant.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.platform.problem.Violations;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.CatalogPlan;
import de.efa.tenant.domain.CatalogService;
import de.efa.tenant.domain.PriceSnapshot;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.mapping.SubscribeRequest;
import de.efa.tenant.messaging.RequestEvents;
import de.efa.tenant.repository.CatalogRepository;
import de.efa.tenant.repository.SubscriptionRepository;
import de.efa.tenant.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Subscribing, cancelling and resubmitting. Each writes the subscription and its request event to the outbox in
 * one transaction, so that no accepted request is lost, even while Kafka is down.
 */
@ApplicationScoped
public class SubscriptionService {

    private final TenantRepository tenants;
    private final SubscriptionRepository subscriptions;
    private final CatalogRepository catalog;
    private final ParameterValidator parameterValidator;
    private final RequestEvents requestEvents;
    private final ObjectMapper json;
    private final Clock clock;

    public SubscriptionService(TenantRepository tenants, SubscriptionRepository subscriptions,
            CatalogRepository catalog, ParameterValidator parameterValidator, RequestEvents requestEvents,
            ObjectMapper json, Clock clock) {
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.parameterValidator = parameterValidator;
        this.requestEvents = requestEvents;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Subscribes a tenant, by its own staff or by an operator on its behalf. The refusals come in the order of
     * docs/services.md ("Subscribing"); the last, a live subscription to the same service, is also a database
     * constraint, so that racing requests cannot both pass.
     */
    @Transactional
    public Subscription subscribe(Caller caller, String rawAgs, SubscribeRequest request) {
        Ags ags = TenantService.parseAgs(rawAgs);
        TenantScope.requireActingFor(caller, ags);
        JsonNode parameters = validBody(request);
        Tenant tenant = activeTenant(ags);
        CatalogService service = subscribableService(request.serviceId(), tenant);
        CatalogPlan plan = catalog.findPlan(service.id(), request.planId())
                .orElseThrow(() -> new ProblemException(422, "unknown-plan", "Unknown plan",
                        "Service " + service.id() + " has no plan '" + request.planId() + "'",
                        List.of(new Violation("planId", "is not a plan of this service"))));
        plan.parametersSchema().ifPresent(schema -> parameterValidator.check(schema, parameters));
        if (subscriptions.hasLive(ags.value(), service.id())) {
            throw alreadySubscribed(ags, service.id());
        }
        Instant now = clock.instant();
        PriceSnapshot price = plan.pricing().snapshotFor(tenant.population());
        Subscription subscription = Subscription.request(ags, service.id(), plan.planId(), parameters.toString(),
                price, "Requested by " + caller.describe(), now);
        try {
            subscriptions.persistAndFlush(subscription);
        } catch (ConstraintViolationException e) {
            throw alreadySubscribed(ags, service.id());
        }
        requestEvents.add(RequestEvents.Type.REQUESTED, subscription, tenant, now);
        return subscription;
    }

    @Transactional
    public Page<Subscription> list(Caller caller, String rawAgs, PageRequest page) {
        Ags ags = TenantService.parseAgs(rawAgs);
        TenantScope.requireActingFor(caller, ags);
        tenants.findByIdOptional(ags.value()).orElseThrow(() -> TenantService.notFound(ags));
        return subscriptions.ofTenant(ags.value(), page);
    }

    @Transactional
    public Subscription get(Caller caller, String rawAgs, UUID id) {
        Ags ags = TenantService.parseAgs(rawAgs);
        TenantScope.requireActingFor(caller, ags);
        return subscriptions.findOfTenant(ags.value(), id).orElseThrow(() -> notFound(id));
    }

    /**
     * Only the municipality itself ends a subscription (it is its contract with the provider), and only an ACTIVE
     * one: while an instance is still being provisioned, cancelling waits until it is ACTIVE or FAILED.
     */
    @Transactional
    public Subscription cancel(Caller caller, String rawAgs, UUID id) {
        Ags ags = TenantService.parseAgs(rawAgs);
        if (!TenantScope.isStaffOf(caller, ags)) {
            throw ProblemException.forbidden("Only the municipality itself may cancel its subscriptions");
        }
        Subscription subscription = lockedOfTenant(ags, id);
        Tenant tenant = tenants.findByIdOptional(ags.value()).orElseThrow(() -> TenantService.notFound(ags));
        Instant now = clock.instant();
        subscription.requestCancellation(now, "Cancellation requested by " + caller.describe());
        requestEvents.add(RequestEvents.Type.CANCELLATION_REQUESTED, subscription, tenant, now);
        return subscription;
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
        requestEvents.add(RequestEvents.Type.RESUBMITTED, subscription, tenant, now);
        return subscription;
    }

    private JsonNode validBody(SubscribeRequest request) {
        Violations violations = new Violations();
        violations.require("serviceId", request.serviceId());
        violations.require("planId", request.planId());
        JsonNode parameters = request.parameters() == null || request.parameters().isNull()
                ? json.createObjectNode() : request.parameters();
        if (!parameters.isObject()) {
            violations.add("parameters", "must be a JSON object");
        }
        violations.throwIfAny();
        return parameters;
    }

    private Tenant activeTenant(Ags ags) {
        Tenant tenant = tenants.findByIdOptional(ags.value()).orElseThrow(() -> TenantService.notFound(ags));
        if (!tenant.isActive()) {
            throw ProblemException.conflict("Tenant " + ags + " is " + tenant.status()
                    + "; only an ACTIVE tenant can subscribe");
        }
        return tenant;
    }

    private CatalogService subscribableService(UUID serviceId, Tenant tenant) {
        CatalogService service = catalog.findService(serviceId)
                .orElseThrow(() -> ProblemException.notFound("No service " + serviceId + " in the catalog"));
        if (!service.isPublished()) {
            throw ProblemException.conflict("Service " + serviceId + " is " + service.status()
                    + "; only a PUBLISHED service can be subscribed to");
        }
        if (!service.isAvailableIn(tenant.ags().land())) {
            throw ProblemException.conflict("Service " + serviceId + " is not offered in "
                    + tenant.ags().land().germanName());
        }
        return service;
    }

    private Subscription lockedOfTenant(Ags ags, UUID id) {
        return subscriptions.findForUpdate(id)
                .filter(subscription -> subscription.ags().equals(ags))
                .orElseThrow(() -> notFound(id));
    }

    private static ProblemException alreadySubscribed(Ags ags, UUID serviceId) {
        return ProblemException.conflict("Tenant " + ags + " already has a subscription to service " + serviceId
                + " that is neither CANCELLED nor FAILED");
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No subscription " + id + " of this tenant");
    }
}
