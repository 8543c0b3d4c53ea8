package de.efa.marketplace.client;

/** The kinds of calls made to an Open Service Broker, as named in a job's attempts and in the metrics. */
public enum BrokerAction {
    PROVISION,
    DEPROVISION,
    UPDATE,
    /** A context update: a suspension or a resumption. */
    CONTEXT_UPDATE,
    LAST_OPERATION,
    ORPHAN_MITIGATION,
    ORPHAN_MITIGATION_LAST_OPERATION,
    /** Reading the broker's catalog, for what it offers. */
    CATALOG,
    /** Fetching an instance, to compare it with what the marketplace believes. */
    FETCH_INSTANCE
}
