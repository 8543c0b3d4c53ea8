package de.efa.marketplace.domain;

/** What a job asks of the provider's broker. */
public enum Operation {
    /** Create the instance ({@code PUT}). */
    PROVISION,
    /** Delete the instance ({@code DELETE}). */
    DEPROVISION,
    /** Change the instance's plan or parameters ({@code PATCH}). */
    UPDATE,
    /** Lock the instance: a context update with {@code suspended: true} ({@code PATCH}). */
    SUSPEND,
    /** Unlock it again: a context update with {@code suspended: false} ({@code PATCH}). */
    RESUME;

    /**
     * Whether the subscription has a status of its own while the broker works (PROVISIONING, DEPROVISIONING,
     * UPDATING), which {@code provisioning-started} moves it into; a suspension or resumption goes straight to its
     * result.
     */
    public boolean announcesStart() {
        return this == PROVISION || this == DEPROVISION || this == UPDATE;
    }

    /** Whether the job changes an instance that exists: then nothing is ever left behind to clean up. */
    public boolean patches() {
        return this == UPDATE || this == SUSPEND || this == RESUME;
    }

    /** Whether the job's plan must be in the catalog copy: the plan it creates or changes to. */
    public boolean needsPlan() {
        return this == PROVISION || this == UPDATE;
    }
}
