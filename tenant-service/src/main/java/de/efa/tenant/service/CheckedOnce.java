package de.efa.tenant.service;

import de.efa.platform.problem.ProblemException;

/**
 * A check whose answer holds for a whole batch: run for its first item, and its refusal given to every later one. A
 * failure that is no refusal is not kept, so the next item runs the check again.
 */
final class CheckedOnce {

    private boolean passed;
    private ProblemException refused;

    void run(Runnable check) {
        if (refused != null) {
            throw refused;
        }
        if (passed) {
            return;
        }
        try {
            check.run();
            passed = true;
        } catch (ProblemException refusal) {
            refused = refusal;
            throw refusal;
        }
    }
}
