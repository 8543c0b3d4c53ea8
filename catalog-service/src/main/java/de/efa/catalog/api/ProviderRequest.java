package de.efa.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an operator sends to register a provider ({@code id} only when registering) or to replace it. */
@Schema(name = "ProviderRequest")
public record ProviderRequest(
        @Schema(example = "akdb", description = "Slug; only when registering, fixed afterwards") String id,
        @Schema(required = true, example = "AKDB – Anstalt für Kommunale Datenverarbeitung in Bayern") String name,
        @Schema(required = true, enumeration = {"LAND", "KOMMUNALER_IT_DIENSTLEISTER", "BUND"}) String kind,
        @Schema(required = true, example = "http://localhost:8090", description = "Base URL of its Open Service Broker") String brokerUrl) {
}
