package de.efa.catalog.rest;

import de.efa.catalog.rest.problem.ProblemException;

import java.util.Optional;

/** Versions as entity tags ({@code "3"}) and the If-Match preconditions of docs/http.md. */
final class Etags {

    private Etags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an update expects; without If-Match the update is refused (428). */
    static long required(String ifMatch) {
        return optional(ifMatch).orElseThrow(() -> ProblemException.preconditionRequired(
                "This update needs an If-Match header with the ETag of the version you read"));
    }

    /** The version a step expects, if the caller named one. A tag that is no version of ours cannot match (412). */
    static Optional<Long> optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Optional.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match " + ifMatch + " is not an ETag of this resource");
        }
    }
}
