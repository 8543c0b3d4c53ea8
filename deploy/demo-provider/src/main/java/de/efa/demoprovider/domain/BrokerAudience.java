package de.efa.demoprovider.domain;

import java.util.Collection;

/**
 * Whom a token for the broker API is meant for. Each provider's broker has a path of its own,
 * {@code /brokers/{providerId}/v2}, and accepts only tokens whose audience names it as {@code broker-{providerId}}:
 * a token the marketplace got for one provider's broker is then worth nothing at another's, so a broker that keeps
 * or leaks the tokens it receives cannot act as the marketplace elsewhere.
 */
public final class BrokerAudience {

    private static final String PREFIX = "broker-";

    private BrokerAudience() {
    }

    /** The audience a token must carry for the broker of {@code providerId}. */
    public static String of(String providerId) {
        return PREFIX + providerId;
    }

    /** Whether a token with this audience is meant for a provider's broker, whichever. */
    public static boolean namesABroker(Collection<String> audience) {
        return audience != null && audience.stream().anyMatch(entry -> entry.startsWith(PREFIX));
    }

    /** Whether a token with this audience is meant for the broker of {@code providerId}. */
    public static boolean isMeantFor(Collection<String> audience, String providerId) {
        return providerId != null && !providerId.isBlank() && audience != null && audience.contains(of(providerId));
    }
}
