package de.efa.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Themenfeld")
public record ThemenfeldView(
        @Schema(example = "mobilitaet-reisen") String code,
        @Schema(example = "Mobilität & Reisen") String name) {
}
