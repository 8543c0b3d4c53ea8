package de.efa.platform.problem;

import java.util.List;

/**
 * Thrown by a use case when a request cannot be served as asked; the message is the problem's {@code detail}, safe
 * to show to the caller. It lives outside any REST package so that domain and service code can throw it.
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

    /** 400 with every invalid field. */
    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "validation", "Invalid request", countOf(violations), violations);
    }

    /** 412: the resource changed since the caller read it. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "stale-version", "Precondition failed", detail);
    }

    /** 428: an update of a versioned resource must say which version it changes. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "if-match-required", "Precondition required", detail);
    }

    public static ProblemException unprocessable(String typeSlug, String title, String detail) {
        return new ProblemException(422, typeSlug, title, detail);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(typeSlug), title, status, getMessage(), instance, violations);
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String countOf(List<Violation> violations) {
        return violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
    }
}
