package de.efa.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Provider")
public record ProviderView(
        @Schema(example = "akdb") String id,
        @Schema(example = "AKDB – Anstalt für Kommunale Datenverarbeitung in Bayern") String name,
        @Schema(enumeration = {"LAND", "KOMMUNALER_IT_DIENSTLEISTER", "BUND"}) String kind,
        @Schema(example = "http://localhost:8090") String brokerUrl,
        @Schema(example = "1") long version,
        Instant createdAt,
        Instant updatedAt) {
}
