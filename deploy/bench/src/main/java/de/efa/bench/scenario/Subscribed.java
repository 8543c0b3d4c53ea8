package de.efa.bench.scenario;

import de.efa.bench.data.Gemeinde;

/**
 * One subscribe request as the benchmark saw it: the answer's status (-1 when no answer came), the new
 * subscription's id, when it was sent and how long the answer took.
 */
public record Subscribed(Gemeinde gemeinde, int status, String subscriptionId, long sentAtNanos, long latencyNanos,
                         String problem) {

    public boolean accepted() {
        return status == 202 && subscriptionId != null;
    }
}
