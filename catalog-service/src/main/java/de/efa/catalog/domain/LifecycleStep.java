package de.efa.catalog.domain;

/** The steps of a service's life, each allowed from exactly one status. */
public enum LifecycleStep {
    PUBLISH(ServiceStatus.DRAFT, ServiceStatus.PUBLISHED),
    DEPRECATE(ServiceStatus.PUBLISHED, ServiceStatus.DEPRECATED),
    RETIRE(ServiceStatus.DEPRECATED, ServiceStatus.RETIRED);

    private final ServiceStatus from;
    private final ServiceStatus to;

    LifecycleStep(ServiceStatus from, ServiceStatus to) {
        this.from = from;
        this.to = to;
    }

    public ServiceStatus from() {
        return from;
    }

    public ServiceStatus to() {
        return to;
    }
}
