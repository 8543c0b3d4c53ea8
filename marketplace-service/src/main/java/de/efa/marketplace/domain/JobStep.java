package de.efa.marketplace.domain;

/**
 * Where the conversation with the broker stands, so that a job taken over from a dead worker resumes there:
 * send the job's request, poll its last operation, or clean up a possible orphan (OSB "Orphan Mitigation")
 * by deleting the instance and polling that deletion.
 */
public enum JobStep {
    SEND,
    POLL,
    CLEANUP,
    CLEANUP_POLL;

    public boolean cleanup() {
        return this == CLEANUP || this == CLEANUP_POLL;
    }
}
