package de.efa.catalog.service;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.Provider;
import de.efa.platform.audit.AuditRef;

/** How the catalog's resources are named in the audit trail: {@code service:<uuid>}, {@code provider:<id>}. */
final class Audited {

    private Audited() {
    }

    static AuditRef service(EfaService service) {
        return AuditRef.of("service", service.id());
    }

    static AuditRef provider(Provider provider) {
        return AuditRef.of("provider", provider.id());
    }
}
