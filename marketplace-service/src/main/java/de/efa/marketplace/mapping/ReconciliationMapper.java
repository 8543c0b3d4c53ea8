package de.efa.marketplace.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.ReconciliationRun;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reconciliation run ⇄ operator API. */
@ApplicationScoped
public class ReconciliationMapper {

    private static final TypeReference<List<ReconciliationView.SkippedBroker>> SKIPPED = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public ReconciliationMapper(ObjectMapper json) {
        this.json = json;
    }

    public ReconciliationView view(ReconciliationRun run) {
        ReconciliationRun.Tally tally = run.tally();
        try {
            return new ReconciliationView(run.id(), run.requestedBy(), run.status(), run.startedAt(),
                    run.finishedAt(), new ReconciliationView.Counts(tally.instances(), tally.checked(),
                    tally.findings(), tally.known(), tally.inconclusive(), tally.busy(), tally.skipped()),
                    json.readValue(tally.skippedBrokers(), SKIPPED), run.failureReason());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the skipped brokers of run " + run.id() + " are not JSON", e);
        }
    }
}
