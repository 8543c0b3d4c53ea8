package de.efa.catalog.api;

import de.efa.catalog.domain.Accessibility;
import com.fasterxml.jackson.annotation.JsonRawValue;
import de.efa.catalog.domain.Plan;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service as GET shows it; the catalog topic carries the same plus the provider's {@code brokerUrl}. */
@Schema(name = "Service")
public record ServiceView(
        UUID id,
        @Schema(example = "fuehrerschein-digital-beantragen") String slug,
        @Schema(example = "Führerschein digital beantragen") String name,
        String summary,
        String description,
        List<String> keywords,
        @Schema(example = "akdb") String providerId,
        @Schema(example = "[\"99023001012000\"]") List<String> leikaKeys,
        @Schema(example = "10169") String ozgId,
        @Schema(example = "mobilitaet-reisen") String themenfeld,
        @Schema(example = "06") String leadLand,
        @Schema(example = "[]") List<String> availableIn,
        @Schema(example = "[\"EFA_MARKTPLATZ\"]") List<String> reuseModels,
        @Schema(example = "[\"de\"]") List<String> languages,
        Accessibility accessibility,
        @JsonRawValue
        @Schema(type = SchemaType.ARRAY, implementation = Plan.class)
        String plans,
        @Schema(enumeration = {"DRAFT", "PUBLISHED", "DEPRECATED", "RETIRED"}) String status,
        @Schema(example = "1") long version,
        Instant createdAt,
        Instant updatedAt) {
}
