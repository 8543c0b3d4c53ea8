package de.efa.tenant.service;

import de.efa.tenant.config.DemoDataConfig;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.ContactEmail;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.domain.TenantKind;
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
import java.util.List;

/**
 * The demo municipalities of the local stack (Leipzig and Köln, ACTIVE, as the README's demo accounts expect), from
 * {@code demo/tenants.csv}. Registered at startup when {@code efa.demo-data.enabled=true}; one already there is
 * left as it is, so restarts change nothing.
 */
@ApplicationScoped
public class DemoTenants {

    private static final Logger LOG = Logger.getLogger(DemoTenants.class);
    private static final String RESOURCE = "demo/tenants.csv";

    private final TenantRepository tenants;
    private final DemoDataConfig config;
    private final Clock clock;

    public DemoTenants(TenantRepository tenants, DemoDataConfig config, Clock clock) {
        this.tenants = tenants;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent startup) {
        if (config.enabled()) {
            int added = load();
            LOG.infof("demo data: %d tenant(s) registered", added);
        }
    }

    /** @return how many demo tenants were new */
    @Transactional
    public int load() {
        int added = 0;
        for (Tenant tenant : read()) {
            if (tenants.findByIdOptional(tenant.ags().value()).isEmpty()) {
                tenants.persist(tenant);
                added++;
            }
        }
        return added;
    }

    private List<Tenant> read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("ags;"))
                    .map(this::tenant)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Tenant tenant(String line) {
        String[] field = line.split(";");
        return Tenant.active(Ags.of(field[0]), field[1], TenantKind.valueOf(field[2]), Long.parseLong(field[3]),
                ContactEmail.of(field[4]), clock.instant());
    }
}
