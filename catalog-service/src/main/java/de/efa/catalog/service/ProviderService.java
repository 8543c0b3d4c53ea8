package de.efa.catalog.service;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.InvalidValueException;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.domain.ProviderDefinition;
import de.efa.catalog.domain.Slug;
import de.efa.catalog.domain.Timestamps;
import de.efa.catalog.messaging.ServiceEventType;
import de.efa.catalog.messaging.ServiceEvents;
import de.efa.catalog.repository.EfaServiceRepository;
import de.efa.catalog.repository.ProviderRepository;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The provider registry; operators keep it, everyone may read it (the roles are checked at the resource). */
@ApplicationScoped
public class ProviderService {

    private final ProviderRepository providers;
    private final EfaServiceRepository services;
    private final ServiceEvents events;
    private final AuditTrail auditTrail;

    public ProviderService(ProviderRepository providers, EfaServiceRepository services, ServiceEvents events,
                           AuditTrail auditTrail) {
        this.providers = providers;
        this.services = services;
        this.events = events;
        this.auditTrail = auditTrail;
    }

    @Transactional
    public Page<Provider> list(PageRequest page) {
        return providers.page(page);
    }

    @Transactional
    public Provider get(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("There is no provider '" + id + "'"));
    }

    /** The provider of that id; an id that is no slug names no provider. */
    @Transactional
    public Optional<Provider> find(String id) {
        try {
            return providers.findByIdOptional(Slug.of(id).value());
        } catch (InvalidValueException notASlug) {
            return Optional.empty();
        }
    }

    @Transactional
    public Provider register(Slug id, ProviderDefinition definition) {
        if (providers.findByIdOptional(id.value()).isPresent()) {
            throw alreadyRegistered(id);
        }
        Provider provider = Provider.register(id, definition, Timestamps.now());
        try {
            // Flushed here so that a registration of the same id racing this one is a 409 too, not a failed commit.
            providers.persistAndFlush(provider);
        } catch (ConstraintViolationException e) {
            throw alreadyRegistered(id);
        }
        auditTrail.record("provider.register", Audited.provider(provider), "created");
        return provider;
    }

    /**
     * Replaces a provider. When its broker moved, each of its services is published again with the new broker
     * URL and a new version, so that consumers that keep the highest version take it; their events are written to
     * the outbox with one batch, however many services the provider has.
     */
    @Transactional
    public Provider replace(String id, long expectedVersion, ProviderDefinition definition) {
        Provider provider = get(id);
        if (provider.version() != expectedVersion) {
            throw ProblemException.preconditionFailed("The provider has version " + provider.version() + ", not "
                    + expectedVersion + "; read it again and reapply your change");
        }
        Instant now = Timestamps.now();
        List<EfaService> republished = provider.replace(definition, now) ? services.ofProvider(id) : List.of();
        republished.forEach(service -> service.touch(now));
        try {
            providers.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.preconditionFailed("The provider or one of its services was changed at the same time");
        }
        auditTrail.record("provider.update", Audited.provider(provider), "updated");
        // Each service is republished with the new broker URL: a change of its own, audited as such.
        auditTrail.recordEach("service.update",
                republished.stream().map(Audited::service).toList(), "updated",
                Map.of("brokerUrl", provider.brokerUrl()));
        events.recordAll(republished, provider, ServiceEventType.UPDATED);
        return provider;
    }

    private static ProblemException alreadyRegistered(Slug id) {
        return ProblemException.conflict("The provider '" + id + "' is registered already");
    }
}
