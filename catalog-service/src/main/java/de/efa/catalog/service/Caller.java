package de.efa.catalog.service;

import java.util.Set;

/** Who is asking: the roles of the realm and, for a provider, the provider it acts for. */
public record Caller(String subject, Set<String> roles, String providerId) {

    public static final String PROVIDER = "provider";
    public static final String OPERATOR = "operator";
    public static final String MUNICIPALITY = "municipality";

    public static Caller anonymous() {
        return new Caller(null, Set.of(), null);
    }

    /** A provider acting for itself, as the demo data does when it publishes a provider's services. */
    public static Caller provider(String providerId) {
        return new Caller("service-account-provider-" + providerId, Set.of(PROVIDER), providerId);
    }

    public boolean isOperator() {
        return roles.contains(OPERATOR);
    }

    /**
     * Whether this caller sees exactly what an anonymous one sees: neither an operator nor a provider, whose own
     * services show in every status. Only such answers may be shared between callers.
     */
    public boolean seesPublishedOnly() {
        return !isOperator() && !actsFor(providerId);
    }

    /** Whether this caller is a provider acting for {@code providerId}. */
    public boolean actsFor(String providerId) {
        return roles.contains(PROVIDER) && this.providerId != null && this.providerId.equals(providerId);
    }
}
