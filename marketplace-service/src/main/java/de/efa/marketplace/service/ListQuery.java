package de.efa.marketplace.service;

import de.efa.marketplace.domain.Ags;
import de.efa.marketplace.domain.JobStatus;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Violations;

import java.util.Arrays;
import java.util.UUID;

/**
 * The query parameters of the operator's lists, checked together: every invalid one is named in a single
 * 400 answer. {@code page} and {@code size} come as text, so that one that is no whole number is such a 400 too.
 */
public record ListQuery(JobStatus status, String ags, UUID serviceId, UUID subscriptionId, PageRequest page) {

    public static ListQuery parse(String status, String ags, String serviceId, String subscriptionId, String page,
                                  String size) {
        Violations violations = new Violations();
        JobStatus parsedStatus = status == null ? null : violations.parse("status", () -> {
            try {
                return JobStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be one of " + Arrays.toString(JobStatus.values()));
            }
        });
        if (ags != null) {
            violations.parse("ags", () -> Ags.of(ags));
        }
        UUID parsedServiceId = uuid("serviceId", serviceId, violations);
        UUID parsedSubscriptionId = uuid("subscriptionId", subscriptionId, violations);
        PageRequest request = PageRequest.parse(page, size, violations);
        violations.throwIfAny();
        return new ListQuery(parsedStatus, ags, parsedServiceId, parsedSubscriptionId, request);
    }

    public static ListQuery page(String page, String size) {
        return parse(null, null, null, null, page, size);
    }

    private static UUID uuid(String name, String value, Violations violations) {
        if (value == null) {
            return null;
        }
        return violations.parse(name, () -> Ids.uuid(value));
    }
}
