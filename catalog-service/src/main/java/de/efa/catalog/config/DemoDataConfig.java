package de.efa.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data for the local stack (README, "The local stack"). */
@ConfigMapping(prefix = "efa.demo-data")
public interface DemoDataConfig {

    /** Load the demo providers and services at startup; env {@code EFA_DEMO_DATA_ENABLED}. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The demo provider of deploy/: the broker of each demo provider is at {@code {this}/brokers/{providerId}}, and it
     * also serves their terms.
     */
    @WithDefault("http://localhost:8090")
    String brokerUrl();
}
