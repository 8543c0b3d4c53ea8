package de.efa.tenant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo content for the local stack; never on by default. */
@ConfigMapping(prefix = "efa.demo-data")
public interface DemoDataConfig {

    /** Env {@code EFA_DEMO_DATA_ENABLED=true}: register the demo tenants (ACTIVE) at startup. */
    @WithDefault("false")
    boolean enabled();
}
