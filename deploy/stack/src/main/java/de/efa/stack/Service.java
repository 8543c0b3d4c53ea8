package de.efa.stack;

/**
 * The product's own processes, with the ports of the README's architecture table and the database each one owns;
 * the portal owns none (it keeps nothing but sessions, in cookies).
 */
public enum Service {

    CATALOG("catalog-service", "catalog-service", "catalog", 8081),
    TENANT("tenant-service", "tenant-service", "tenant", 8082),
    MARKETPLACE("marketplace-service", "marketplace-service", "marketplace", 8083),
    DEMO_PROVIDER("demo-provider", "deploy/demo-provider", "demoprovider", 8090),
    PORTAL("portal", "portal", null, 8080);

    private final String displayName;
    private final String moduleDirectory;
    private final String database;
    private final int defaultPort;

    Service(String displayName, String moduleDirectory, String database, int defaultPort) {
        this.displayName = displayName;
        this.moduleDirectory = moduleDirectory;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    public String displayName() {
        return displayName;
    }

    public String moduleDirectory() {
        return moduleDirectory;
    }

    /** The database the service owns; null for the portal. */
    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
