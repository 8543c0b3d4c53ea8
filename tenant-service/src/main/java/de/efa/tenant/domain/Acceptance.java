package de.efa.tenant.domain;

import java.time.Instant;

/** Who accepted a contract's terms, and when. */
public record Acceptance(String acceptedBy, Instant acceptedAt) {
}
