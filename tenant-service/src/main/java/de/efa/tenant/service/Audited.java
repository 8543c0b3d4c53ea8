package de.efa.tenant.service;

import de.efa.platform.audit.Actor;
import de.efa.platform.audit.AuditRef;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.Subscription;

/**
 * How the tenant-service's resources are named in the audit trail ({@code tenant:<ags>},
 * {@code subscription:<uuid>}, {@code bundler:<id>}, {@code mandate:<ags>/<bundlerId>}), and who acted for whom.
 */
final class Audited {

    private Audited() {
    }

    static AuditRef tenant(String ags) {
        return AuditRef.of("tenant", ags);
    }

    static AuditRef subscription(Subscription subscription) {
        return AuditRef.of("subscription", subscription.id());
    }

    static AuditRef bundler(String id) {
        return AuditRef.of("bundler", id);
    }

    static AuditRef mandate(Ags ags, String bundlerId) {
        return AuditRef.of("mandate", ags.value() + "/" + bundlerId);
    }

    /**
     * The caller acting for the municipality: its own staff act for themselves; an operator or a bundler ordering or
     * administering for it acts on its behalf.
     */
    static Actor forTenant(Caller caller, Ags ags) {
        Actor actor = Actor.of(caller);
        return caller.isStaffOf(ags.value()) && !caller.isOperator() ? actor : actor.onBehalfOf(tenant(ags.value()));
    }
}
