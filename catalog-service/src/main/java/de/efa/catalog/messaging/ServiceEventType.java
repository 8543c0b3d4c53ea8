package de.efa.catalog.messaging;

import de.efa.catalog.domain.LifecycleStep;

/** The CloudEvents types on {@code efa.catalog.services.v1} (docs/events.md). */
public enum ServiceEventType {
    CREATED("de.efa.service.created.v1"),
    UPDATED("de.efa.service.updated.v1"),
    PUBLISHED("de.efa.service.published.v1"),
    DEPRECATED("de.efa.service.deprecated.v1"),
    RETIRED("de.efa.service.retired.v1");

    private final String type;

    ServiceEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static ServiceEventType of(LifecycleStep step) {
        return switch (step) {
            case PUBLISH -> PUBLISHED;
            case DEPRECATE -> DEPRECATED;
            case RETIRE -> RETIRED;
        };
    }
}
