package de.efa.tenant.service;

import de.efa.platform.audit.AuditRef;
import de.efa.platform.audit.AuditTrail;
import de.efa.tenant.config.DemoDataConfig;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.Ars;
import de.efa.tenant.domain.Bundler;
import de.efa.tenant.domain.ContactEmail;
import de.efa.tenant.domain.LeitwegId;
import de.efa.tenant.domain.Mandate;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.domain.TenantKind;
import de.efa.tenant.repository.BundlerRepository;
import de.efa.tenant.repository.MandateRepository;
import de.efa.tenant.repository.TenantRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo data of the local stack, as the README's demo accounts expect it: the municipalities of
 * {@code demo/tenants.csv} (ACTIVE, with their invoice address) and the bundlers of {@code demo/bundlers.csv} with
 * their mandates. Registered at startup when {@code efa.demo-data.enabled=true}; what is there already is left as
 * it is, so restarts change nothing. What is registered is audited in the name of this service.
 */
@ApplicationScoped
public class DemoTenants {

    private static final Logger LOG = Logger.getLogger(DemoTenants.class);
    private static final String TENANTS = "demo/tenants.csv";
    private static final String BUNDLERS = "demo/bundlers.csv";

    private final TenantRepository tenants;
    private final BundlerRepository bundlers;
    private final MandateRepository mandates;
    private final AuditTrail auditTrail;
    private final DemoDataConfig config;
    private final Clock clock;

    public DemoTenants(TenantRepository tenants, BundlerRepository bundlers, MandateRepository mandates,
                       AuditTrail auditTrail, DemoDataConfig config, Clock clock) {
        this.tenants = tenants;
        this.bundlers = bundlers;
        this.mandates = mandates;
        this.auditTrail = auditTrail;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent startup) {
        if (config.enabled()) {
            int added = load();
            LOG.infof("demo data: %d tenant(s) and bundler(s) registered", added);
        }
    }

    /** @return how many demo tenants and bundlers were new */
    @Transactional
    public int load() {
        List<AuditRef> newTenants = new ArrayList<>();
        for (String[] field : rows(TENANTS)) {
            if (tenants.findByIdOptional(field[0]).isEmpty()) {
                tenants.persist(tenant(field));
                newTenants.add(Audited.tenant(field[0]));
            }
        }
        List<AuditRef> newBundlers = new ArrayList<>();
        List<AuditRef> newMandates = new ArrayList<>();
        for (String[] field : rows(BUNDLERS)) {
            if (bundlers.findByIdOptional(field[0]).isEmpty()) {
                bundlers.persist(Bundler.register(field[0], field[1], ContactEmail.of(field[2]), clock.instant()));
                newBundlers.add(Audited.bundler(field[0]));
                for (String client : field[3].split(",")) {
                    Ags ags = Ags.of(client);
                    mandates.persist(Mandate.grant(ags, field[0], "demo data", clock.instant()));
                    newMandates.add(Audited.mandate(ags, field[0]));
                }
            }
        }
        auditTrail.recordEach("tenant.register", newTenants, "created", Map.of());
        auditTrail.recordEach("bundler.register", newBundlers, "created", Map.of());
        auditTrail.recordEach("mandate.give", newMandates, "created", Map.of());
        return newTenants.size() + newBundlers.size();
    }

    private Tenant tenant(String[] field) {
        Instant now = clock.instant();
        Tenant tenant = Tenant.active(Ags.of(field[0]), field[1], TenantKind.valueOf(field[2]),
                Long.parseLong(field[3]), ContactEmail.of(field[4]), now);
        tenant.changeInvoiceAddress(optional(field, 5).map(Ars::of), optional(field, 6).map(LeitwegId::of), now);
        return tenant;
    }

    private static Optional<String> optional(String[] field, int index) {
        return index < field.length && !field[index].isBlank() ? Optional.of(field[index]) : Optional.empty();
    }

    /** The data rows of a demo file, split at {@code ;}. */
    private static List<String[]> rows(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            return lines.stream().skip(1).map(line -> line.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
