package de.efa.tenant.domain;

/** PENDING until an operator approves; ACTIVE and SUSPENDED alternate by operator decision. */
public enum TenantStatus {
    PENDING, ACTIVE, SUSPENDED
}
