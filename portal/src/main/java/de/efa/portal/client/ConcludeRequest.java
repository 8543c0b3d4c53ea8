package de.efa.portal.client;

/** Concludes the Nachnutzungsvertrag of an offer, accepting the terms it was made under. */
public record ConcludeRequest(AcceptedTerms acceptedTerms) {
}
