package de.efa.demoprovider.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How the demo provider behaves; every key can be overridden by an environment variable
 * ({@code DEMO_PROVIDER_FAULTS_ERROR_RATE=0.2}) for the local stack and the chaos benchmark.
 */
@ConfigMapping(prefix = "demo-provider")
public interface DemoProviderConfig {

    /** Base URL under which callers reach this provider; dashboard links point there. */
    @WithDefault("http://localhost:8090")
    URI publicUrl();

    /** How long an asynchronous provisioning, update or deprovisioning takes before last_operation reports its end. */
    @WithDefault("1s")
    Duration provisioningTime();

    Faults faults();

    Completion completion();

    /**
     * The secrets the provider cannot run without in production, by the environment variable that sets each: declared
     * as {@code %prod.demo-provider.required-secrets.<VARIABLE>=${<property>}} (application.properties), none
     * elsewhere. Nothing reads them here; being part of this mapping is the check. Quarkus fills the mapping while it
     * reads its configuration, before the first connection or migration, and a value it cannot fill stops the start
     * naming the property, and with it the variable: "Could not expand value quarkus.datasource.password in property
     * demo-provider.required-secrets.QUARKUS_DATASOURCE_PASSWORD" when it is missing, "… is defined as the empty
     * String …" when it is empty. The secret's own property cannot check itself: Quarkus reads it as an optional
     * setting, and an optional setting whose expression expands to nothing is simply absent.
     */
    Map<String, String> requiredSecrets();

    interface Faults {

        /** Share of broker calls (0.0–1.0) answered 500 before anything changes. */
        @WithDefault("0.0")
        double errorRate();

        /** Share of broker calls (0.0–1.0) answered only after {@link #slowDelay()}. */
        @WithDefault("0.0")
        double slowRate();

        @WithDefault("2s")
        Duration slowDelay();
    }

    interface Completion {

        /** How often the completion worker looks for due operations ({@code @Scheduled} reads the same key). */
        Duration interval();

        /** How many due operations one statement of the completion worker finishes. */
        @WithDefault("1000")
        int batchSize();
    }
}
