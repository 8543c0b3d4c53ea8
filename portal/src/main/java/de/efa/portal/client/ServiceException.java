package de.efa.portal.client;

/** A service answered with an error; carries its problem answer so that the portal can explain it in German. */
public class ServiceException extends RuntimeException {

    private final String service;
    private final int status;
    private final Problem problem;

    public ServiceException(String service, int status, Problem problem) {
        super(service + " answered " + status + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    /** The German name of the service that answered, e.g. "Leistungskatalog". */
    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }
}
