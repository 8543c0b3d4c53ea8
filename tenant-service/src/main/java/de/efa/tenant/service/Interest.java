package de.efa.tenant.service;

import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.Tenant;

/** An interest as its provider sees it: the subscription and the municipality that declared it. */
public record Interest(Subscription subscription, Tenant tenant) {
}
