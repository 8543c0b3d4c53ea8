package de.efa.portal.client;

/** What a municipality sends to register; the tenant-service checks every field and names each bad one. */
public record TenantRegistration(String ags, String name, String kind, Long population, String contactEmail,
                                 String ars, String leitwegId) {
}
