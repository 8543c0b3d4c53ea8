package de.efa.catalog.domain;

import java.util.UUID;

/** Names one content of a service: every change raises the version, so the pair never means two contents. */
public record ServiceRef(UUID id, long version) {
}
