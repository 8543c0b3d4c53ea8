package de.efa.marketplace.service;

import de.efa.marketplace.mapping.ReconciliationMapper;
import de.efa.marketplace.mapping.ReconciliationView;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** What an operator asks of reconciliation. */
@ApplicationScoped
public class ReconciliationService {

    private final Reconciler reconciler;
    private final ReconciliationRuns runs;
    private final ReconciliationMapper mapper;

    public ReconciliationService(Reconciler reconciler, ReconciliationRuns runs, ReconciliationMapper mapper) {
        this.reconciler = reconciler;
        this.runs = runs;
        this.mapper = mapper;
    }

    /** A run starts, or the running one answers: reconciling twice at once would find nothing more. */
    public ReconciliationView request(Caller caller) {
        return mapper.view(reconciler.request(caller.describe()));
    }

    public ReconciliationView run(String runId) {
        UUID id = Ids.pathId(runId);
        return runs.find(id).map(mapper::view)
                .orElseThrow(() -> ProblemException.notFound("There is no reconciliation run " + id));
    }
}
