package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One step in the life of a subscription, kept for the municipality and the operators to follow. */
@Embeddable
public record HistoryEntry(
        @Enumerated(EnumType.STRING) SubscriptionStatus status,
        @Column(name = "at") Instant at,
        String detail) {
}
