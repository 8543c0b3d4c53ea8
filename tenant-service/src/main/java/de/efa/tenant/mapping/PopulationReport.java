package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PopulationReport", description = "What a population file changed")
public record PopulationReport(
        @Schema(description = "Registered tenants whose population changed", example = "2") int updated,
        @Schema(description = "Registered tenants whose population was the file's already", example = "1")
        int unchanged,
        @Schema(description = "AGS of the file that no tenant has, in the file's order", example = "[\"01001000\"]")
        List<String> unknownAgs) {
}
