package de.efa.marketplace.service;

import de.efa.marketplace.domain.CatalogEntry;
import de.efa.marketplace.repository.CatalogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local copy of the catalog: which broker provisions a service, and which plans it knows. */
@ApplicationScoped
public class CatalogCopy {

    private final CatalogRepository repository;
    private final Event<JobsDue> jobsDue;

    public CatalogCopy(CatalogRepository repository, Event<JobsDue> jobsDue) {
        this.repository = repository;
        this.jobsDue = jobsDue;
    }

    /** Applies catalog records; jobs waiting for one of these services are looked at again. */
    @Transactional
    public void apply(List<CatalogEntry> entries) {
        if (!entries.isEmpty()) {
            repository.upsert(entries);
            jobsDue.fire(new JobsDue());
        }
    }

    @Transactional
    public Optional<CatalogEntry> find(UUID serviceId) {
        return repository.find(serviceId);
    }
}
