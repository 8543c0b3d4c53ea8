package de.efa.catalog.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One way to subscribe to a service: its price, the configuration a municipality must give, the contract it must
 * enter first, and whether a subscription may later move from it to another plan ({@code updatable}).
 */
@Schema(name = "Plan", description = "A plan of a service; `parameters` is the JSON Schema of a subscription's configuration")
public record Plan(
        @Schema(example = "standard") String id,
        @Schema(example = "Standard") String name,
        @Schema(example = "Betrieb als SaaS mit Anbindung an das Behördenpostfach") String description,
        Pricing pricing,
        @Schema(type = SchemaType.OBJECT,
                example = "{\"type\":\"object\",\"required\":[\"zustaendigeStelle\"],\"properties\":{\"zustaendigeStelle\":{\"type\":\"string\"}}}")
        JsonNode parameters,
        Contract contract,
        @Schema(description = "Whether a subscription to this plan may change to another plan", example = "false")
        boolean updatable) {
}
