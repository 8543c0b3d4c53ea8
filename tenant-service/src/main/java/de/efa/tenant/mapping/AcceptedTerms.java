package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The version of the terms the customer accepts; it must be the version the plan (or the offer) names. */
@Schema(name = "AcceptedTerms", description = "Accepts the terms of this version")
public record AcceptedTerms(@Schema(required = true, example = "2026-01") String version) {
}
