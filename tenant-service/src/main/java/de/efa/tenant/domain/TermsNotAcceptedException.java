package de.efa.tenant.domain;

import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;

import java.util.List;

/** A contract's terms were not accepted, or another version was (422, naming the field). */
public class TermsNotAcceptedException extends ProblemException {

    private TermsNotAcceptedException(String field, String message) {
        super(422, "terms-not-accepted", "Terms not accepted",
                "This plan is reused under terms that must be accepted first", List.of(new Violation(field, message)));
    }

    /**
     * @param accepted the version the caller accepted, null when none
     * @param current  the version that must be accepted
     * @param whose    whose terms these are, for the message: "the plan's", "the offer's"
     */
    public static void requireAccepted(String accepted, String current, String whose) {
        if (accepted == null || accepted.isBlank()) {
            throw new TermsNotAcceptedException("acceptedTerms", "must accept " + whose + " terms, version " + current);
        }
        if (!accepted.equals(current)) {
            throw new TermsNotAcceptedException("acceptedTerms.version", "is " + accepted + ", but " + whose
                    + " terms are of version " + current);
        }
    }
}
