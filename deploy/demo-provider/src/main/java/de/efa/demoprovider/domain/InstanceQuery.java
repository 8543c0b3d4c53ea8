package de.efa.demoprovider.domain;

import java.util.ArrayList;
import java.util.List;

/** A listing request: which instances, and which page of them. */
public record InstanceQuery(InstanceFilter filter, PageRequest page) {

    /** From query parameters as the caller wrote them; every bad parameter is reported at once. */
    public static InstanceQuery of(String state, String ags, String serviceId, String planId, String page,
                                   String size) {
        List<Violation> violations = new ArrayList<>();
        InstanceFilter filter = InstanceFilter.parse(state, ags, serviceId, planId, violations);
        PageRequest pageRequest = PageRequest.parse(page, size, violations);
        InvalidRequestException.throwIfAny(violations);
        return new InstanceQuery(filter, pageRequest);
    }
}
