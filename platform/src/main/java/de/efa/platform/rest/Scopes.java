package de.efa.platform.rest;

/**
 * The values of the OpenAPI extension {@value #EXTENSION}, which says of an operation whose path names another
 * party's resource how far a caller's token reaches: which path parameter names the resource, what kind of resource it
 * is, and what a caller of another scope is answered (docs/services.md, "Scopes"). Operators are not limited by it; an
 * operation only operators may call carries none. Clients and the end-to-end authorization matrix read it from the
 * documents, so the rule is written once, beside the operation it governs.
 */
public final class Scopes {

    public static final String EXTENSION = "x-efa-scope";

    /**
     * {@code {ags}}: a municipality its own AGS only, a bundler those of the municipalities that gave it a mandate
     * (where the operation's roles take a bundler at all).
     */
    public static final String TENANT = """
            {"resource": "tenant", "parameter": "ags", "foreign": [403]}""";

    /** {@code {id}}: a service of the token's provider; another provider's 403, or 404 while it is a draft. */
    public static final String SERVICE = """
            {"resource": "service", "parameter": "id", "foreign": [403, 404]}""";

    /** {@code {id}}: the token's own bundler only. */
    public static final String BUNDLER = """
            {"resource": "bundler", "parameter": "id", "foreign": [403]}""";

    /** {@code {id}}: an interest in a service of the token's provider. */
    public static final String INTEREST = """
            {"resource": "interest", "parameter": "id", "foreign": [403]}""";

    /** {@code {id}}: a rollout the bundler ordered; another's is 404, so that its existence does not show. */
    public static final String ROLLOUT = """
            {"resource": "rollout", "parameter": "id", "foreign": [404]}""";

    private Scopes() {
    }
}
