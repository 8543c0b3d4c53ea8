package de.efa.marketplace.domain;

/**
 * A provider's Open Service Broker as the marketplace calls it: at its URL, with a token meant for that provider's
 * broker only ({@code providerId} names the audience the token is asked for).
 */
public record Broker(String providerId, String url) {
}
