package de.efa.portal.client;

import java.time.Instant;

/** A municipality's mandate for a bundler to order in its name. */
public record Mandate(String ags, String bundlerId, Instant grantedAt, String grantedBy) {

    /** What a municipality sends to give a bundler a mandate. */
    public record Grant(String bundlerId) {
    }
}
