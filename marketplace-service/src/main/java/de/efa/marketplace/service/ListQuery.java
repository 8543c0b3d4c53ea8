package de.efa.marketplace.service;

import de.efa.marketplace.domain.Ags;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.rest.problem.Problem.Violation;
import de.efa.marketplace.rest.problem.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The query parameters of the operator's lists, checked together: every invalid one is named in a single
 * 400 answer.
 */
public record ListQuery(JobStatus status, String ags, UUID serviceId, UUID subscriptionId, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;

    public static ListQuery parse(String status, String ags, String serviceId, String subscriptionId, String page,
                                  String size) {
        List<Violation> violations = new ArrayList<>();
        JobStatus parsedStatus = null;
        if (status != null) {
            try {
                parsedStatus = JobStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("status", "must be one of " + Arrays.toString(JobStatus.values())));
            }
        }
        if (ags != null) {
            try {
                Ags.of(ags);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("ags", e.getMessage()));
            }
        }
        UUID parsedServiceId = uuid("serviceId", serviceId, violations);
        UUID parsedSubscriptionId = uuid("subscriptionId", subscriptionId, violations);
        int p = number(page, 0);
        int s = number(size, DEFAULT_SIZE);
        if (p < 0) {
            violations.add(new Violation("page", "must be a whole number, 0 or more"));
        } else if ((long) p * Math.max(s, 1) > Integer.MAX_VALUE) {
            violations.add(new Violation("page", "is beyond the last possible page"));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(new Violation("size", "must be a whole number from 1 to " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new ListQuery(parsedStatus, ags, parsedServiceId, parsedSubscriptionId, p, s);
    }

    public static ListQuery page(String page, String size) {
        return parse(null, null, null, null, page, size);
    }

    private static UUID uuid(String name, String value, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(name, "must be a UUID"));
            return null;
        }
    }

    /** The number, the default when absent, or -1 (invalid for both parameters) when not a number. */
    private static int number(String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
