package de.efa.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.catalog.domain.Accessibility;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a provider sends to create or replace a service; owner, status, version and times are the service's own. */
@Schema(name = "ServiceRequest", description = "A service as its provider writes it")
public record ServiceRequest(
        @Schema(required = true, example = "fuehrerschein-digital-beantragen", description = "Unique; lower-case letters, digits, hyphens")
        String slug,
        @Schema(required = true, maxLength = 200, example = "Führerschein digital beantragen") String name,
        @Schema(required = true, maxLength = 500, example = "Fahrerlaubnis online beantragen, mit Nachweisen und Bezahlung") String summary,
        @Schema(maxLength = 10000) String description,
        @Schema(example = "[\"Fahrerlaubnis\", \"Führerschein\"]") List<String> keywords,
        @Schema(required = true, description = "LeiKa keys, 14 digits each", example = "[\"99023001012000\"]") List<String> leikaKeys,
        @Schema(example = "10169") String ozgId,
        @Schema(required = true, example = "mobilitaet-reisen", description = "Code of one of the 14 OZG Themenfelder (GET /api/v1/themenfelder)") String themenfeld,
        @Schema(example = "06", description = "Land code 01..16 of the federführendes Land") String leadLand,
        @Schema(example = "[]", description = "Land codes where the service may be reused; empty means everywhere") List<String> availableIn,
        @Schema(example = "[\"EFA_MARKTPLATZ\"]", description = "FIT_STORE, EFA_MARKTPLATZ, DIREKTVERTRAG, OPEN_SOURCE") List<String> reuseModels,
        @Schema(example = "[\"de\", \"en\"]", description = "ISO 639-1 codes") List<String> languages,
        Accessibility accessibility,
        List<PlanRequest> plans) {

    @Schema(name = "PlanRequest")
    public record PlanRequest(
            @Schema(required = true, example = "standard", description = "Unique within the service") String id,
            @Schema(required = true, example = "Standard") String name,
            String description,
            @Schema(required = true) PricingRequest pricing,
            @Schema(required = true, type = SchemaType.OBJECT,
                    description = "A JSON Schema (draft 2020-12) of the configuration; \"type\": \"object\"; $ref only inside")
            JsonNode parameters) {
    }

    @Schema(name = "PricingRequest", description = "Euro cents, non-negative integers")
    public record PricingRequest(
            @Schema(required = true, example = "50000") Long setupFeeCents,
            @Schema(required = true, example = "120000") Long annualBaseCents,
            @Schema(required = true, example = "2") Long annualPerInhabitantCents) {
    }
}
