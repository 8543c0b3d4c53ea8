package de.efa.marketplace.service;

import de.efa.platform.audit.Actor;
import de.efa.platform.audit.AuditRef;

import java.util.UUID;

/**
 * How the marketplace's resources are named in the audit trail ({@code job:<uuid>}, {@code finding:<uuid>},
 * {@code reconciliation:<uuid>}), and who the marketplace itself is there.
 */
final class Audited {

    /**
     * The marketplace acting on its own: jobs made from request events, their results, findings. Named explicitly
     * rather than left to the trail's default, so that such an entry names the service even if an operator's
     * request ever happened to set it off.
     */
    static final Actor SYSTEM = Actor.system("marketplace-service");

    private Audited() {
    }

    static AuditRef job(UUID id) {
        return AuditRef.of("job", id);
    }

    static AuditRef finding(UUID id) {
        return AuditRef.of("finding", id);
    }

    static AuditRef reconciliation(UUID id) {
        return AuditRef.of("reconciliation", id);
    }
}
