package de.efa.tenant.service;

import de.efa.platform.audit.AuditRef;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.mapping.PopulationCsv;
import de.efa.tenant.mapping.PopulationReport;
import de.efa.tenant.repository.SubscriptionRepository;
import de.efa.tenant.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the population figures of a file (the municipality directory, {@code gemeinden.csv}) for the registered
 * tenants, and prices their subscriptions anew where the price has a per-inhabitant part, with the rates each one
 * was priced at. All of it in one transaction, so a file is taken whole or not at all: the tenants with one
 * statement, their subscriptions a chunk at a time, so that a file of every German municipality (about 11,000 lines)
 * neither holds every subscription in memory nor costs a round trip per line. A file that changed a population is
 * audited once as such, named by its SHA-256, and once for each tenant and subscription it changed, with one statement
 * for the tenants and one for each chunk of subscriptions.
 */
@ApplicationScoped
public class PopulationService {

    private static final Logger LOG = Logger.getLogger(PopulationService.class);
    private static final int CHUNK = 500;

    private final TenantRepository tenants;
    private final SubscriptionRepository subscriptions;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public PopulationService(TenantRepository tenants, SubscriptionRepository subscriptions, AuditTrail auditTrail,
                             Clock clock) {
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** @throws de.efa.platform.problem.ProblemException 400 when the file is malformed, and nothing changes */
    @Transactional
    public PopulationReport refresh(Caller caller, String csv) {
        long started = System.nanoTime();
        List<PopulationCsv.Figure> figures = PopulationCsv.read(csv);
        Map<String, Long> registered = tenants.populationsForUpdate(
                figures.stream().map(figure -> figure.ags().value()).toList());
        Map<String, Long> changed = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (PopulationCsv.Figure figure : figures) {
            Long population = registered.get(figure.ags().value());
            if (population == null) {
                unknown.add(figure.ags().value());
            } else if (population != figure.population()) {
                changed.put(figure.ags().value(), figure.population());
            }
        }
        Instant now = clock.instant();
        if (!changed.isEmpty()) {
            AuditRef file = Audited.file("population-file", csv);
            tenants.setPopulations(changed, now);
            auditTrail.recordEach("tenant.change-population",
                    changed.keySet().stream().map(Audited::tenant).toList(), "updated",
                    Map.of("populationFile", file.id()));
            int repriced = reprice(changed, file, caller.describe(), now);
            auditTrail.record("population.load", file, "loaded", Map.of("lines", figures.size(),
                    "updated", changed.size(), "unchanged", registered.size() - changed.size(),
                    "unknown", unknown.size(), "repriced", repriced));
        }
        LOG.infof("population file of %d lines taken by %s in %d ms: %d tenant(s) changed, %d unchanged, %d unknown",
                figures.size(), caller.describe(), (System.nanoTime() - started) / 1_000_000, changed.size(),
                registered.size() - changed.size(), unknown.size());
        return new PopulationReport(changed.size(), registered.size() - changed.size(), unknown);
    }

    /** @return how many subscriptions got a new price */
    private int reprice(Map<String, Long> populations, AuditRef file, String loadedBy, Instant now) {
        List<String> ags = new ArrayList<>(populations.keySet());
        int repriced = 0;
        for (int from = 0; from < ags.size(); from += CHUNK) {
            List<AuditRef> changed = new ArrayList<>();
            for (Subscription subscription : subscriptions.pricedPerInhabitantForUpdate(
                    ags.subList(from, Math.min(from + CHUNK, ags.size())))) {
                if (subscription.repriceFor(populations.get(subscription.ags().value()), loadedBy, now)) {
                    changed.add(Audited.subscription(subscription));
                }
            }
            subscriptions.flush();
            subscriptions.getEntityManager().clear();
            auditTrail.recordEach("subscription.reprice", changed, "updated", Map.of("populationFile", file.id()));
            repriced += changed.size();
        }
        return repriced;
    }
}
