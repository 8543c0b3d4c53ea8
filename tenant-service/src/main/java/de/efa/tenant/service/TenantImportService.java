package de.efa.tenant.service;

import de.efa.platform.audit.AuditRef;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.mapping.ImportReport;
import de.efa.tenant.mapping.PopulationCsv;
import de.efa.tenant.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the municipalities of the official directory ({@code gemeinden.csv}) as ACTIVE tenants: the directory
 * vouches for them, so no approval follows. Idempotent by AGS: a municipality that is a tenant already is left as it
 * is, so importing a file again registers nothing. Bad lines are refused one by one and the good ones still imported.
 * All tenants of a file are written with one statement, and their audit entries with one more, so that the whole
 * directory (about 11,000 lines) is imported in about a second. Approving a tenant emits no event, so neither does
 * this.
 */
@ApplicationScoped
public class TenantImportService {

    private static final Logger LOG = Logger.getLogger(TenantImportService.class);

    private final TenantRepository tenants;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public TenantImportService(TenantRepository tenants, AuditTrail auditTrail, Clock clock) {
        this.tenants = tenants;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * @throws de.efa.platform.problem.ProblemException 400 when the file is no municipality directory at all (header,
     *                                                  empty, not CSV), and nothing is registered
     */
    @Transactional
    public ImportReport importDirectory(Caller caller, String csv) {
        long started = System.nanoTime();
        PopulationCsv.Lines lines = PopulationCsv.parse(csv);
        Instant now = clock.instant();
        List<Tenant> candidates = lines.figures().stream()
                .map(figure -> Tenant.imported(figure.ags(), figure.name(), figure.population(), now))
                .toList();
        Set<String> created = tenants.insertAbsent(candidates);
        List<ImportReport.RejectedLine> rejected = lines.rejections().stream()
                .map(rejection -> new ImportReport.RejectedLine(rejection.line(), String.join("; ",
                        rejection.reasons())))
                .toList();
        int existing = candidates.size() - created.size();
        if (!created.isEmpty()) {
            AuditRef file = Audited.file("tenant-file", csv);
            auditTrail.recordEach("tenant.import", candidates.stream().map(tenant -> tenant.ags().value())
                    .filter(created::contains).map(Audited::tenant).toList(), "ACTIVE", Map.of("tenantFile", file.id()));
            auditTrail.record("tenant-file.import", file, "imported", Map.of("created", created.size(),
                    "existing", existing, "rejected", rejected.size()));
        }
        LOG.infof("municipality directory imported by %s in %d ms: %d tenant(s) registered, %d existing, %d line(s) "
                        + "rejected", caller.describe(), (System.nanoTime() - started) / 1_000_000, created.size(),
                existing, rejected.size());
        return new ImportReport(created.size(), existing, rejected);
    }
}
