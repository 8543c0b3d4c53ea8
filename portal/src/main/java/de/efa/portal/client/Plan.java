package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plan of a service; {@code parameters} is the JSON Schema of the configuration a subscriber gives, {@code contract}
 * what a municipality must do before the plan is provisioned for it, and {@code updatable} whether a subscription may
 * later change to another plan.
 */
public record Plan(String id, String name, String description, Pricing pricing, JsonNode parameters,
                   Contract contract, boolean updatable) {

    /** A catalog of version 1 answers no contract, which means none. */
    public Plan {
        contract = contract == null ? new Contract(Contract.NONE, null) : contract;
    }

    /**
     * The contract model with the terms that come with TERMS and INTEREST. The same fields are read from the catalog
     * and written back to it, so that saving a plan keeps them.
     */
    public record Contract(String model, Terms terms) {

        public static final String NONE = "NONE";
        public static final String TERMS = "TERMS";
        public static final String INTEREST = "INTEREST";

        /** The municipality accepts the terms when it subscribes. */
        public boolean acceptedOnSubscribing() {
            return TERMS.equals(model);
        }

        /** The municipality declares an interest, which the provider answers with an offer. */
        public boolean interest() {
            return INTEREST.equals(model);
        }
    }
}
