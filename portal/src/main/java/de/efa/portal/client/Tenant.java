package de.efa.portal.client;

import java.time.Instant;

/**
 * A registered municipality as the tenant-service shows it, with its invoice identity: the Amtlicher
 * Regionalschlüssel and the Leitweg-ID its XRechnungen are routed by.
 */
public record Tenant(String ags, String name, String kind, Land land, long population, String contactEmail,
                     String ars, String leitwegId, String status, Instant createdAt, Instant updatedAt) {

    public record Land(String code, String name) {
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
