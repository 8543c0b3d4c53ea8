package de.efa.tenant.service;

import de.efa.platform.audit.AuditTrail;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violations;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.Bundler;
import de.efa.tenant.domain.ContactEmail;
import de.efa.tenant.domain.Mandate;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.mapping.BundlerRegistration;
import de.efa.tenant.mapping.MandateRequest;
import de.efa.tenant.repository.BundlerRepository;
import de.efa.tenant.repository.MandateRepository;
import de.efa.tenant.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Bundling organisations and the mandates municipalities give them (docs/services.md, "Bundlers"). Operators
 * register bundlers; a municipality (or an operator for it) grants and revokes mandates; a bundler sees itself and
 * its clients.
 */
@ApplicationScoped
public class BundlerService {

    private final BundlerRepository bundlers;
    private final MandateRepository mandates;
    private final TenantRepository tenants;
    private final TenantScope scope;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public BundlerService(BundlerRepository bundlers, MandateRepository mandates, TenantRepository tenants,
                          TenantScope scope, AuditTrail auditTrail, Clock clock) {
        this.bundlers = bundlers;
        this.mandates = mandates;
        this.tenants = tenants;
        this.scope = scope;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public Bundler register(BundlerRegistration registration) {
        Violations violations = new Violations();
        String id = violations.parse("id", () -> Bundler.checkId(registration.id()));
        violations.require("name", registration.name());
        if (registration.name() != null && registration.name().length() > 200) {
            violations.add("name", "must be at most 200 characters");
        }
        ContactEmail email = violations.parse("contactEmail", () -> ContactEmail.of(registration.contactEmail()));
        violations.throwIfAny();
        if (bundlers.findByIdOptional(id).isPresent()) {
            throw ProblemException.conflict("A bundler " + id + " is already registered");
        }
        Bundler bundler = Bundler.register(id, registration.name().strip(), email, clock.instant());
        try {
            bundlers.persistAndFlush(bundler);
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("A bundler " + id + " is already registered");
        }
        auditTrail.record("bundler.register", Audited.bundler(id), "created");
        return bundler;
    }

    /**
     * Operators see every bundler; a bundler's staff a page with their own only, empty while it is not registered or
     * when their token names an id no bundler can have (not looked for, as the database would refuse some).
     */
    @Transactional
    public Page<Bundler> list(Caller caller, PageRequest page) {
        if (caller.isOperator()) {
            return bundlers.page(Optional.empty(), page);
        }
        String own = caller.bundlerId().filter(caller::isBundler).orElseThrow(() -> ProblemException.forbidden(
                "A bundler sees only itself, named by the claim bundler_id of its token"));
        if (!Bundler.isId(own)) {
            return Page.of(List.of(), page, 0);
        }
        return bundlers.page(Optional.of(own), page);
    }

    /** Operators see every bundler, a bundler's staff their own. */
    @Transactional
    public Bundler get(Caller caller, String id) {
        requireSelfOrOperator(caller, id);
        return registered(id);
    }

    @Transactional
    public Page<Tenant> clients(Caller caller, String id, PageRequest page) {
        requireSelfOrOperator(caller, id);
        registered(id);
        return tenants.clientsOf(id, page);
    }

    @Transactional
    public Mandate grant(Caller caller, String rawAgs, MandateRequest request) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireAdministering(caller, ags);
        Violations violations = new Violations();
        String bundlerId = request == null ? null : request.bundlerId();
        violations.require("bundlerId", bundlerId);
        if (violations.isEmpty()) {
            violations.parse("bundlerId", () -> Bundler.checkId(bundlerId));
        }
        violations.throwIfAny();
        tenants.findByIdOptional(ags.value()).orElseThrow(() -> TenantService.notFound(ags));
        registered(bundlerId);
        if (mandates.exists(ags.value(), bundlerId)) {
            throw mandateExists(ags, bundlerId);
        }
        Mandate mandate = Mandate.grant(ags, bundlerId, caller.describe(), clock.instant());
        try {
            mandates.persistAndFlush(mandate);
        } catch (ConstraintViolationException e) {
            throw mandateExists(ags, bundlerId);
        }
        auditTrail.record(Audited.forTenant(caller, ags), "mandate.give", Audited.mandate(ags, bundlerId), "created");
        return mandate;
    }

    @Transactional
    public Mandate mandate(Caller caller, String rawAgs, String bundlerId) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireAdministering(caller, ags);
        if (!Bundler.isId(bundlerId)) {
            throw noMandate(ags, bundlerId);
        }
        return mandates.findByIdOptional(new Mandate.Key(ags.value(), bundlerId))
                .orElseThrow(() -> noMandate(ags, bundlerId));
    }

    /** Live subscriptions stay; the bundler can order nothing more for the municipality. */
    @Transactional
    public void revoke(Caller caller, String rawAgs, String bundlerId) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireAdministering(caller, ags);
        if (!Bundler.isId(bundlerId) || !mandates.deleteById(new Mandate.Key(ags.value(), bundlerId))) {
            throw noMandate(ags, bundlerId);
        }
        auditTrail.record(Audited.forTenant(caller, ags), "mandate.withdraw", Audited.mandate(ags, bundlerId),
                "deleted");
    }

    @Transactional
    public Page<Mandate> mandatesOf(Caller caller, String rawAgs, PageRequest page) {
        Ags ags = TenantService.parseAgs(rawAgs);
        scope.requireAdministering(caller, ags);
        tenants.findByIdOptional(ags.value()).orElseThrow(() -> TenantService.notFound(ags));
        return mandates.ofTenant(ags.value(), page);
    }

    private static void requireSelfOrOperator(Caller caller, String id) {
        if (!caller.isOperator() && !caller.isBundler(id)) {
            throw ProblemException.forbidden("A bundler sees only itself and its own clients");
        }
    }

    private static ProblemException noMandate(Ags ags, String bundlerId) {
        return ProblemException.notFound("Tenant " + ags + " has no mandate for bundler " + bundlerId);
    }

    /** The bundler with this id; an id no bundler can have is not looked for, as the database would refuse some. */
    private Bundler registered(String id) {
        if (!Bundler.isId(id)) {
            throw notFound(id);
        }
        return bundlers.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No bundler " + id + " is registered");
    }

    private static ProblemException mandateExists(Ags ags, String bundlerId) {
        return ProblemException.conflict("Tenant " + ags + " has given bundler " + bundlerId + " a mandate already");
    }
}
