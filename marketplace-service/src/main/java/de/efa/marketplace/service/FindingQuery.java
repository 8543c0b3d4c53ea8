package de.efa.marketplace.service;

import de.efa.marketplace.domain.FindingKind;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Violations;

import java.util.Arrays;

/** The query parameters of the findings list, checked together as {@link ListQuery} checks the jobs'. */
public record FindingQuery(FindingKind kind, Boolean resolved, PageRequest page) {

    public static FindingQuery parse(String kind, String resolved, String page, String size) {
        Violations violations = new Violations();
        FindingKind parsedKind = kind == null ? null : violations.parse("kind", () -> {
            try {
                return FindingKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be one of " + Arrays.toString(FindingKind.values()));
            }
        });
        Boolean parsedResolved = null;
        if (resolved != null) {
            if ("true".equals(resolved) || "false".equals(resolved)) {
                parsedResolved = Boolean.valueOf(resolved);
            } else {
                violations.add("resolved", "must be true or false");
            }
        }
        PageRequest request = PageRequest.parse(page, size, violations);
        violations.throwIfAny();
        return new FindingQuery(parsedKind, parsedResolved, request);
    }
}
