package de.efa.tenant.service;

import de.efa.platform.problem.ProblemException;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.repository.MandateRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.BiPredicate;

/**
 * Who may act for a municipality (docs/services.md, "Who may do what"): its own staff and operators administer it
 * (registration, invoice address, mandates); they and a bundler it gave a mandate order for it (subscribe, declare
 * interest, conclude, cancel) and read its subscriptions; only its staff and such a bundler accept terms in its name,
 * never an operator.
 */
@ApplicationScoped
public class TenantScope {

    private final MandateRepository mandates;

    public TenantScope(MandateRepository mandates) {
        this.mandates = mandates;
    }

    /** Answers 403 unless the caller is the municipality's staff or an operator. */
    public void requireAdministering(Caller caller, Ags tenant) {
        if (!caller.isOperator() && !caller.isStaffOf(tenant.value())) {
            throw ProblemException.forbidden("You may act only for your own municipality");
        }
    }

    /** Answers 403 unless the caller is the municipality's staff, an operator or a bundler with its mandate. */
    public void requireOrdering(Caller caller, Ags tenant) {
        requireOrdering(caller, tenant, this::mandateExists);
    }

    /** The same, with the bundlers' mandates looked up by {@code mandated} (a rollout knows them for a batch). */
    public void requireOrdering(Caller caller, Ags tenant, BiPredicate<Ags, String> mandated) {
        if (!caller.isOperator() && !caller.isStaffOf(tenant.value()) && !holdsMandate(caller, tenant, mandated)) {
            throw ProblemException.forbidden("You may act only for your own municipality, or as a bundler for a "
                    + "municipality that gave you a mandate");
        }
    }

    /** Answers 403 unless the caller may accept terms in the municipality's name. */
    public void requireAcceptingTerms(Caller caller, Ags tenant) {
        requireAcceptingTerms(caller, tenant, this::mandateExists);
    }

    /** The same, with the bundlers' mandates looked up by {@code mandated}. */
    public void requireAcceptingTerms(Caller caller, Ags tenant, BiPredicate<Ags, String> mandated) {
        if (!caller.isStaffOf(tenant.value()) && !holdsMandate(caller, tenant, mandated)) {
            throw ProblemException.forbidden("Terms are accepted only by the municipality itself or a bundler with "
                    + "its mandate; an operator may act for a municipality but never accept terms for it");
        }
    }

    /** Whether the municipality gave this bundler a mandate, as it stands now. */
    public boolean mandateExists(Ags tenant, String bundlerId) {
        return mandates.exists(tenant.value(), bundlerId);
    }

    private static boolean holdsMandate(Caller caller, Ags tenant, BiPredicate<Ags, String> mandated) {
        return caller.bundlerId().filter(id -> caller.isBundler(id) && mandated.test(tenant, id)).isPresent();
    }
}
