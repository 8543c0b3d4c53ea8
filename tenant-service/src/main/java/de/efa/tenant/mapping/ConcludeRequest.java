package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Concludes the Nachnutzungsvertrag of an offer, accepting the terms the offer was made under. */
@Schema(name = "ConcludeRequest", description = "Accepts the offer and its terms")
public record ConcludeRequest(@Schema(required = true) AcceptedTerms acceptedTerms) {
}
