package de.efa.demoprovider.domain;

/** The asynchronous operations of this broker, with what last_operation tells the platform about them. */
public enum OperationKind {
    PROVISION("Provisioning", "Setting up the demo SaaS instance", "The demo SaaS instance is ready"),
    UPDATE("The update", "Updating the demo SaaS instance", "The demo SaaS instance has been updated"),
    DEPROVISION("Deprovisioning", "Removing the demo SaaS instance", "The demo SaaS instance has been removed");

    private final String sentenceName;
    private final String runningDescription;
    private final String doneDescription;

    OperationKind(String sentenceName, String runningDescription, String doneDescription) {
        this.sentenceName = sentenceName;
        this.runningDescription = runningDescription;
        this.doneDescription = doneDescription;
    }

    /** How a sentence names the operation: "Provisioning was halted because …". */
    public String sentenceName() {
        return sentenceName;
    }

    public String runningDescription() {
        return runningDescription;
    }

    public String doneDescription() {
        return doneDescription;
    }
}
