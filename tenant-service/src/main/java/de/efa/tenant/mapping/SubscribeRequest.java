package de.efa.tenant.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "SubscribeRequest", description = "The service and plan to subscribe to, with the configuration the plan's schema asks for")
public record SubscribeRequest(
        @Schema(required = true, example = "5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41") UUID serviceId,
        @Schema(required = true, example = "standard") String planId,
        @Schema(description = "Must satisfy the plan's `parameters` JSON Schema; `{}` when omitted",
                example = "{\"zustaendigkeit\": {\"behoerde\": \"Ordnungsamt Leipzig\"}, \"postfach\": \"ordnungsamt@leipzig.example\"}")
        JsonNode parameters,
        @Schema(description = "Required for a plan with TERMS: the version of the plan's current terms, accepted by "
                + "the municipality or its bundler (never by an operator)") AcceptedTerms acceptedTerms) {
}
