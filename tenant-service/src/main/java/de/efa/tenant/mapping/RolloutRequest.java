package de.efa.tenant.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "RolloutRequest", description = "One plan with one configuration for every tenant a selection names, "
        + "each subscribed as if it had subscribed itself")
public record RolloutRequest(
        @Schema(required = true, example = "5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41") UUID serviceId,
        @Schema(required = true, example = "standard") String planId,
        @Schema(description = "Must satisfy the plan's `parameters` JSON Schema; `{}` when omitted. The same for "
                + "every tenant", example = "{\"zustaendigkeit\": {\"behoerde\": \"Ordnungsamt\"}, "
                + "\"postfach\": \"ordnungsamt@gemeinde.example\"}")
        JsonNode parameters,
        @Schema(description = "Required for a plan with TERMS, which only a bundler rolls out: the version of the "
                + "plan's current terms, accepted for each of its clients") AcceptedTerms acceptedTerms,
        @Schema(required = true) RolloutSelection select) {

    /** The order each tenant gets, as a subscribe request would make it. */
    public SubscribeRequest order() {
        return new SubscribeRequest(serviceId, planId, parameters, acceptedTerms);
    }
}
