package de.efa.demoprovider.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

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
