package de.efa.portal.client;

/** Error answers of the tenant-service. */
public class TenantProblems extends ProblemReader {

    public TenantProblems() {
        super("Kommunenverwaltung");
    }
}
