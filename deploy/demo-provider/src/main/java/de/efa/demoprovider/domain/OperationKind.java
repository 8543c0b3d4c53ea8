package de.efa.demoprovider.domain;

/** The two asynchronous operations of this broker, with what last_operation tells the platform about them. */
public enum OperationKind {
    PROVISION("Setting up the demo SaaS instance", "The demo SaaS instance is ready"),
    DEPROVISION("Removing the demo SaaS instance", "The demo SaaS instance has been removed");

    private final String runningDescription;
    private final String doneDescription;

    OperationKind(String runningDescription, String doneDescription) {
        this.runningDescription = runningDescription;
        this.doneDescription = doneDescription;
    }

    public String runningDescription() {
        return runningDescription;
    }

    public String doneDescription() {
        return doneDescription;
    }
}
