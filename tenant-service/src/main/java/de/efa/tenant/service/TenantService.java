package de.efa.tenant.service;

import de.efa.platform.audit.AuditTrail;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violations;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.ContactEmail;
import de.efa.tenant.domain.Land;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.domain.TenantKind;
import de.efa.tenant.domain.TenantStatus;
import de.efa.tenant.mapping.InvoiceAddress;
import de.efa.tenant.mapping.TenantRegistration;
import de.efa.tenant.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Registration of tenants and the operators' status steps; suspending and reactivating a tenant reach its instances
 * at the providers in the same transaction.
 */
@ApplicationScoped
public class TenantService {

    private final TenantRepository tenants;
    private final TenantScope scope;
    private final InstanceSuspension suspension;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public TenantService(TenantRepository tenants, TenantScope scope, InstanceSuspension suspension,
                         AuditTrail auditTrail, Clock clock) {
        this.tenants = tenants;
        this.scope = scope;
        this.suspension = suspension;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** A municipality registers itself (the AGS of its token); an operator registers any. */
    @Transactional
    public Tenant register(Caller caller, TenantRegistration registration) {
        Violations violations = new Violations();
        Ags ags = violations.parse("ags", () -> Ags.of(registration.ags()));
        violations.require("name", registration.name());
        TenantKind kind = violations.parse("kind", () -> kindOf(registration.kind()));
        Long population = registration.population();
        if (population == null || !Tenant.isPopulation(population)) {
            violations.add("population", "must be a number of inhabitants, from 0 to " + Tenant.MAX_POPULATION);
        }
        ContactEmail email = violations.parse("contactEmail", () -> ContactEmail.of(registration.contactEmail()));
        if (ags != null && kind != null) {
            violations.parse("ags", () -> {
                kind.checkKey(ags);
                return ags;
            });
        }
        InvoiceIdentity invoice = InvoiceIdentity.read(ags, registration.ars(), registration.leitwegId(), violations);
        violations.throwIfAny();
        scope.requireAdministering(caller, ags);
        if (tenants.findByIdOptional(ags.value()).isPresent()) {
            throw ProblemException.conflict("A tenant with AGS " + ags + " is already registered");
        }
        Instant now = clock.instant();
        Tenant tenant = Tenant.register(ags, registration.name().strip(), kind, population, email, now);
        tenant.changeInvoiceAddress(invoice.ars(), invoice.leitwegId(), now);
        try {
            tenants.persistAndFlush(tenant);
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("A tenant with AGS " + ags + " is already registered");
        }
        auditTrail.record(Audited.forTenant(caller, ags), "tenant.register", Audited.tenant(ags.value()),
                "created");
        return tenant;
    }

    @Transactional
    public Tenant get(Caller caller, String rawAgs) {
        Ags ags = parseAgs(rawAgs);
        scope.requireAdministering(caller, ags);
        return tenants.findByIdOptional(ags.value()).orElseThrow(() -> notFound(ags));
    }

    /**
     * Replaces the invoice identity (ARS and Leitweg-ID) of the version the caller read; a part left out is
     * cleared. Every invalid part is named at once (400).
     */
    @Transactional
    public Tenant changeInvoiceAddress(Caller caller, String rawAgs, long expectedVersion, InvoiceAddress address) {
        Ags ags = parseAgs(rawAgs);
        scope.requireAdministering(caller, ags);
        Violations violations = new Violations();
        InvoiceIdentity invoice = InvoiceIdentity.read(ags, address.ars(), address.leitwegId(), violations);
        violations.throwIfAny();
        Tenant tenant = tenants.findForUpdate(ags.value()).orElseThrow(() -> notFound(ags));
        if (tenant.version() != expectedVersion) {
            throw ProblemException.preconditionFailed("Tenant " + ags + " is at version " + tenant.version()
                    + ", not " + expectedVersion + "; read it again");
        }
        tenant.changeInvoiceAddress(invoice.ars(), invoice.leitwegId(), clock.instant());
        tenants.flush();
        auditTrail.record(Audited.forTenant(caller, ags), "tenant.change-invoice-address",
                Audited.tenant(ags.value()), "updated");
        return tenant;
    }

    /** Tenants for operators, filtered by Land code and status, in AGS order. */
    @Transactional
    public Page<Tenant> list(String landCode, String status, PageRequest page) {
        Violations violations = new Violations();
        Optional<Land> land = Optional.ofNullable(landCode).map(code -> violations.parse("land", () -> Land.ofCode(code)));
        Optional<TenantStatus> tenantStatus = Optional.ofNullable(status)
                .map(s -> violations.parse("status", () -> statusOf(s)));
        violations.throwIfAny();
        return tenants.filtered(land, tenantStatus, page);
    }

    @Transactional
    public Tenant approve(String rawAgs) {
        return step(rawAgs, Tenant::approve, "tenant.approve");
    }

    /** The tenant is locked first, then its subscriptions, as the population refresh does. */
    @Transactional
    public Tenant suspend(Caller caller, String rawAgs) {
        Tenant tenant = step(rawAgs, Tenant::suspend, "tenant.suspend");
        suspension.suspendAll(tenant, caller, tenant.updatedAt());
        return tenant;
    }

    @Transactional
    public Tenant reactivate(Caller caller, String rawAgs) {
        Tenant tenant = step(rawAgs, Tenant::reactivate, "tenant.reactivate");
        suspension.resumeAll(tenant, caller, tenant.updatedAt());
        return tenant;
    }

    /** An operator's status step on the tenant itself, audited with the status it led to. */
    private Tenant step(String rawAgs, BiConsumer<Tenant, Instant> transition, String action) {
        Ags ags = parseAgs(rawAgs);
        Tenant tenant = tenants.findForUpdate(ags.value()).orElseThrow(() -> notFound(ags));
        transition.accept(tenant, clock.instant());
        auditTrail.record(action, Audited.tenant(ags.value()), tenant.status().name());
        return tenant;
    }

    /** An AGS in a path: malformed is a 400 naming it, like in a body. */
    static Ags parseAgs(String raw) {
        Violations violations = new Violations();
        Ags ags = violations.parse("ags", () -> Ags.of(raw));
        violations.throwIfAny();
        return ags;
    }

    static ProblemException notFound(Ags ags) {
        return ProblemException.notFound("No tenant with AGS " + ags + " is registered");
    }

    private static TenantKind kindOf(String kind) {
        return parseEnum(TenantKind.class, kind);
    }

    private static TenantStatus statusOf(String status) {
        return parseEnum(TenantStatus.class, status);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (value == null) {
            throw new IllegalArgumentException("must not be blank");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
