package de.efa.tenant.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a change of a subscription asks for; what it leaves out stays as it is. */
@Schema(name = "SubscriptionChange",
        description = "Another plan, another configuration, or both; what is left out stays")
public record ChangeRequest(
        @Schema(description = "The plan to change to, of the same service. Needs the current plan to be `updatable`; "
                + "a plan with the contract model INTEREST cannot be changed to", example = "komfort")
        String planId,
        @Schema(description = "Replaces the whole configuration and must satisfy the target plan's `parameters` "
                + "JSON Schema. Left out, the configuration in effect stays and must satisfy it",
                example = "{\"zustaendigkeit\": {\"behoerde\": \"Ordnungsamt Leipzig\"}, \"postfach\": \"ordnungsamt@leipzig.example\"}")
        JsonNode parameters,
        @Schema(description = "Required when changing to a plan with TERMS: the version of its current terms, accepted "
                + "by the municipality or its bundler (never by an operator)")
        AcceptedTerms acceptedTerms) {
}
