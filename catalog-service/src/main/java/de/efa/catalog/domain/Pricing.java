package de.efa.catalog.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a plan costs in euro cents: once at setup, and each year as a base plus a share per inhabitant. */
@Schema(name = "Pricing", description = "Prices in euro cents, non-negative integers")
public record Pricing(
        @Schema(example = "50000") long setupFeeCents,
        @Schema(example = "120000") long annualBaseCents,
        @Schema(example = "2") long annualPerInhabitantCents) {
}
