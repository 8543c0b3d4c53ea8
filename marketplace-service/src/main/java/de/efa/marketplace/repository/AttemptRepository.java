package de.efa.marketplace.repository;

import de.efa.marketplace.domain.JobAttempt;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<JobAttempt, Long> {

    public List<JobAttempt> ofJob(UUID jobId) {
        return list("jobId", Sort.ascending("id"), jobId);
    }
}
