package de.efa.demoprovider.domain;

/** The state of an operation, with the spelling OSB's last_operation uses for it. */
public enum OperationState {
    IN_PROGRESS("in progress"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String osbName;

    OperationState(String osbName) {
        this.osbName = osbName;
    }

    public String osbName() {
        return osbName;
    }
}
