package de.efa.tenant.service;

import de.efa.tenant.repository.CatalogRecord;
import de.efa.tenant.repository.CatalogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/** Keeps the local copy of the catalog: the newest version of each service wins, a tombstone removes it. */
@ApplicationScoped
public class CatalogProjection {

    private static final Logger LOG = Logger.getLogger(CatalogProjection.class);

    private final CatalogRepository catalog;

    public CatalogProjection(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    /** A change of the catalog topic: a service's new state, or its removal. */
    public sealed interface Change {
    }

    public record Upsert(CatalogRecord record) implements Change {
    }

    public record Removal(UUID serviceId) implements Change {
    }

    @Transactional
    public void apply(List<Change> changes) {
        for (Change change : changes) {
            if (change instanceof Upsert upsert) {
                if (!catalog.upsertService(upsert.record())) {
                    LOG.debugf("catalog record of service %s version %d is not newer than the local copy",
                            upsert.record().id(), upsert.record().version());
                }
            } else if (change instanceof Removal removal) {
                catalog.deleteService(removal.serviceId());
            }
        }
    }
}
