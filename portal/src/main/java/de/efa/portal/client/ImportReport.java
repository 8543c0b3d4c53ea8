package de.efa.portal.client;

import java.util.List;

/**
 * What a file of municipalities did: tenants registered, AGS that were tenants already, and the lines refused with
 * their reason (the header is line 1); the good lines are imported even when others are refused.
 */
public record ImportReport(long created, long existing, List<Rejection> rejected) {

    public record Rejection(int line, String reason) {
    }

    public List<Rejection> rejections() {
        return rejected == null ? List.of() : rejected;
    }
}
