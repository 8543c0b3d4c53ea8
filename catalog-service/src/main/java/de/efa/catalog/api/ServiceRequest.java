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
        @Schema(example = "[\"EFA_MARKTPLATZ\"]",
                description = "FIT_STORE, EFA_MARKTPLATZ, DIREKTVERTRAG, OPEN_SOURCE, KOMMUNALVERTRETER, VERWALTUNGSVEREINBARUNG")
        List<String> reuseModels,
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
            JsonNode parameters,
            @Schema(description = "What a municipality must do before the plan is provisioned; absent means NONE")
            ContractRequest contract,
            @Schema(description = "Whether a subscription may change from this plan to another; absent means false",
                    example = "false")
            Boolean updatable) {
    }

    @Schema(name = "ContractRequest", description = "NONE without terms; TERMS and INTEREST with terms")
    public record ContractRequest(
            @Schema(required = true, enumeration = {"NONE", "TERMS", "INTEREST"}, example = "TERMS") String model,
            @Schema(description = "Required for TERMS and INTEREST, refused for NONE") TermsRequest terms) {
    }

    @Schema(name = "TermsRequest", description = "The terms a municipality accepts")
    public record TermsRequest(
            @Schema(required = true, minLength = 1, maxLength = 50, example = "2026-01",
                    description = "Printable characters, no white space at either end") String version,
            @Schema(required = true, format = "uri", description = "Absolute https URL of the terms' text (http only for localhost)",
                    example = "https://www.akdb.de/nutzungsbedingungen/fuehrerschein-2026-01.html") String url,
            @Schema(required = true, pattern = "^[0-9a-fA-F]{64}$", description = "SHA-256 of exactly the text at url; stored in lower case",
                    example = "9f2c6a4f0f8e4e0b4d3f1c2b5a6978e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6") String sha256) {
    }

    @Schema(name = "PricingRequest", description = "Euro cents, non-negative integers")
    public record PricingRequest(
            @Schema(required = true, example = "50000") Long setupFeeCents,
            @Schema(required = true, example = "120000") Long annualBaseCents,
            @Schema(required = true, example = "2") Long annualPerInhabitantCents) {
    }
}
