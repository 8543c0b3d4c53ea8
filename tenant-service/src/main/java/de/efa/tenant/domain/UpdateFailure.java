package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** Why the latest change of a subscription failed at the provider, and when; a later successful change clears it. */
@Embeddable
public record UpdateFailure(
        @Column(name = "last_update_failure_reason") String reason,
        @Column(name = "last_update_failure_at") Instant at) {
}
