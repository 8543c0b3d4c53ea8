package de.efa.catalog.rest.problem;

import de.efa.catalog.rest.problem.Problem.Violation;

import java.util.List;

/**
 * Thrown by the service layer when a request cannot be served as asked; the message is the problem's
 * {@code detail}, safe to show to the caller.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String typeSlug, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public ProblemException(int status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "stale-version", "Precondition failed", detail);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "if-match-required", "Precondition required", detail);
    }

    public static ProblemException unprocessable(String typeSlug, String title, String detail) {
        return new ProblemException(422, typeSlug, title, detail);
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "validation", "Invalid request",
                violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid", violations);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(typeSlug), title, status, getMessage(), instance, violations);
    }

    public int status() {
        return status;
    }
}
