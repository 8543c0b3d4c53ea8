package de.efa.marketplace.domain;

/** The CloudEvents types this service publishes on {@code efa.onboarding.results.v1}. */
public enum ResultType {
    PROVISIONING_STARTED("de.efa.instance.provisioning-started.v1"),
    PROVISIONED("de.efa.instance.provisioned.v1"),
    PROVISIONING_FAILED("de.efa.instance.provisioning-failed.v1"),
    DEPROVISIONED("de.efa.instance.deprovisioned.v1"),
    UPDATED("de.efa.instance.updated.v1"),
    UPDATE_FAILED("de.efa.instance.update-failed.v1"),
    SUSPENDED("de.efa.instance.suspended.v1"),
    RESUMED("de.efa.instance.resumed.v1");

    private final String ceType;

    ResultType(String ceType) {
        this.ceType = ceType;
    }

    public String ceType() {
        return ceType;
    }
}
