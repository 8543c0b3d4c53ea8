package de.efa.catalog.service;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.LifecycleStep;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.ServiceDefinition;
import de.efa.catalog.domain.ServiceStatus;
import de.efa.catalog.domain.Timestamps;
import de.efa.catalog.messaging.ServiceEventType;
import de.efa.catalog.messaging.ServiceEvents;
import de.efa.catalog.repository.EfaServiceRepository;
import de.efa.catalog.repository.ProviderRepository;
import de.efa.catalog.repository.Visibility;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The catalog's use cases. What a caller may see and change is decided here: a caller sees PUBLISHED services only,
 * unless it is an operator or the provider that owns the service; a service that the caller may not see is "not
 * found" (its existence does not leak), one it may see but not change is "forbidden".
 */
@ApplicationScoped
public class CatalogService {

    private final EfaServiceRepository services;
    private final ProviderRepository providers;
    private final ServiceEvents events;
    private final AuditTrail auditTrail;

    public CatalogService(EfaServiceRepository services, ProviderRepository providers, ServiceEvents events,
                          AuditTrail auditTrail) {
        this.services = services;
        this.providers = providers;
        this.events = events;
        this.auditTrail = auditTrail;
    }

    @Transactional
    public Page<EfaService> search(Caller caller, SearchCriteria criteria, PageRequest page) {
        return services.search(criteria, visibility(caller), page);
    }

    @Transactional
    public EfaService get(Caller caller, UUID id) {
        return visibleTo(caller, services.findForReading(id), id);
    }

    /** The service with that slug, if the caller's provider owns it. */
    @Transactional
    public Optional<EfaService> findOwn(Caller caller, String slug) {
        return services.find("slug", slug).firstResultOptional()
                .filter(service -> caller.isProvider(service.providerId()));
    }

    /** Creates a DRAFT owned by the provider the caller acts for. */
    @Transactional
    public EfaService create(Caller caller, ServiceDefinition definition) {
        Provider provider = registeredProviderOf(caller);
        if (services.slugTaken(definition.slug().value())) {
            throw slugTaken(definition);
        }
        EfaService service = EfaService.draft(provider.id(), definition, Timestamps.now());
        services.persist(service);
        flush(definition);
        auditTrail.record("service.create", Audited.service(service), "created");
        events.record(service, provider, ServiceEventType.CREATED);
        return service;
    }

    /**
     * Replaces the content of a DRAFT or PUBLISHED service, if the caller still has its current version; a PUBLISHED
     * one keeps at least one plan. The expected version and the new
     * content are read only once the caller is known to own the service, so that another provider learns nothing
     * from a request's mistakes and is refused alike whatever it sends.
     */
    @Transactional
    public EfaService replace(Caller caller, UUID id, LongSupplier expectedVersion,
                              Supplier<ServiceDefinition> content) {
        EfaService service = visible(caller, id);
        if (!caller.isProvider(service.providerId())) {
            throw ProblemException.forbidden("Only the provider '" + service.providerId() + "' may replace this service");
        }
        long version = expectedVersion.getAsLong();
        ServiceDefinition definition = content.get();
        requireVersion(service, version);
        if (!service.isEditable()) {
            throw ProblemException.conflict("A " + service.status() + " service cannot be changed any more");
        }
        // Publishing needs a plan; a published service without one would be offered with nothing to subscribe to.
        if (service.status() == ServiceStatus.PUBLISHED && definition.plans().isEmpty()) {
            throw ProblemException.conflict("A PUBLISHED service keeps at least one plan");
        }
        if (services.slugTakenByAnother(definition.slug().value(), id)) {
            throw slugTaken(definition);
        }
        service.replace(definition, Timestamps.now());
        flush(definition);
        auditTrail.record("service.update", Audited.service(service), "updated");
        events.record(service, providers.findById(service.providerId()), ServiceEventType.UPDATED);
        return service;
    }

    /** Takes a lifecycle step, as the owning provider or an operator; {@code expectedVersion} is optional. */
    @Transactional
    public EfaService step(Caller caller, UUID id, LifecycleStep step, Optional<Long> expectedVersion) {
        EfaService service = visible(caller, id);
        if (!caller.isOperator() && !caller.isProvider(service.providerId())) {
            throw ProblemException.forbidden("Only the provider '" + service.providerId() + "' or an operator may "
                    + step.name().toLowerCase() + " this service");
        }
        expectedVersion.ifPresent(version -> requireVersion(service, version));
        if (step == LifecycleStep.PUBLISH && !service.hasPlans()) {
            throw ProblemException.conflict("A service needs at least one plan before it can be published");
        }
        if (!service.take(step, Timestamps.now())) {
            throw ProblemException.conflict("Cannot " + step.name().toLowerCase() + " a " + service.status()
                    + " service: that step starts from " + step.from());
        }
        flush(null);
        auditTrail.record("service." + step.name().toLowerCase(), Audited.service(service), service.status().name());
        events.record(service, providers.findById(service.providerId()), ServiceEventType.of(step));
        return service;
    }

    private EfaService visible(Caller caller, UUID id) {
        return visibleTo(caller, services.findByIdOptional(id), id);
    }

    /**
     * Whether the caller sees exactly what an anonymous one sees: neither an operator nor a provider, whose own
     * services show in every status. Only such callers' answers may be shared between callers.
     */
    public static boolean seesPublishedOnly(Caller caller) {
        return !caller.isOperator() && ownProvider(caller).isEmpty();
    }

    /** The provider the caller acts for, if it is a provider whose token names one. */
    private static Optional<String> ownProvider(Caller caller) {
        return caller.providerId().filter(caller::isProvider);
    }

    private static EfaService visibleTo(Caller caller, Optional<EfaService> found, UUID id) {
        return found
                .filter(service -> caller.isOperator() || service.status() == ServiceStatus.PUBLISHED
                        || caller.isProvider(service.providerId()))
                .orElseThrow(() -> ProblemException.notFound("There is no service " + id));
    }

    private static Visibility visibility(Caller caller) {
        if (caller.isOperator()) {
            return Visibility.everything();
        }
        return ownProvider(caller).map(Visibility::publishedAndOwnedBy).orElseGet(Visibility::publishedOnly);
    }

    private Provider registeredProviderOf(Caller caller) {
        String providerId = ownProvider(caller).orElseThrow(() -> ProblemException.forbidden(
                "Only a provider may create services, and its token must carry provider_id"));
        Provider provider = providers.findById(providerId);
        if (provider == null) {
            throw ProblemException.forbidden("The provider '" + providerId
                    + "' is not registered; an operator registers providers");
        }
        return provider;
    }

    private static void requireVersion(EfaService service, long expectedVersion) {
        if (service.version() != expectedVersion) {
            throw ProblemException.preconditionFailed("The service has version " + service.version()
                    + ", not " + expectedVersion + "; read it again and reapply your change");
        }
    }

    /** Writes the change now, so that a concurrent update or a taken slug is reported as such. */
    private void flush(ServiceDefinition definition) {
        try {
            services.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.preconditionFailed("The service was changed at the same time; read it again");
        } catch (ConstraintViolationException e) {
            if (definition != null) {
                throw slugTaken(definition);
            }
            throw e;
        }
    }

    private static ProblemException slugTaken(ServiceDefinition definition) {
        return new ProblemException(409, "conflict", "Conflict", "The slug '" + definition.slug() + "' is taken",
                List.of(new Violation("slug", "is taken by another service")));
    }
}
