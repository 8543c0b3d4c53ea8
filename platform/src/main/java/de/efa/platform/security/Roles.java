package de.efa.platform.security;

/** The realm roles of the marketplace (docs/services.md says who holds which). */
public final class Roles {

    public static final String MUNICIPALITY = "municipality";
    public static final String PROVIDER = "provider";
    public static final String OPERATOR = "operator";
    public static final String MARKETPLACE = "marketplace";
    public static final String BUNDLER = "bundler";

    private Roles() {
    }
}
