package de.efa.demoprovider.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The provider's configuration read as Quarkus reads it at start (application.properties under the environment,
 * mapped by SmallRye Config with Quarkus' converters), without starting anything: production stops without its database password, naming the
 * environment variable that sets it, and starts with it, as the local stack and the end-to-end tests give it.
 */
class ProductionSecretsTest {

    private static final String PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";

    @Test
    void productionStopsWithoutTheDatabasePasswordNamingItsVariable() {
        assertThatExceptionOfType(ConfigValidationException.class)
                .isThrownBy(() -> read("prod", Map.of()))
                .withMessageContaining("Could not expand value quarkus.datasource.password in property "
                        + "demo-provider.required-secrets." + PASSWORD);
    }

    @Test
    void anEmptyPasswordCountsAsMissing() {
        assertThatExceptionOfType(ConfigValidationException.class)
                .isThrownBy(() -> read("prod", Map.of(PASSWORD, "")))
                .withMessageContaining("demo-provider.required-secrets." + PASSWORD);
    }

    @Test
    void productionStartsWithThePasswordFromItsVariable() throws IOException {
        SmallRyeConfig config = read("prod", Map.of(PASSWORD, "from-the-secret"));

        assertThat(config.getConfigMapping(DemoProviderConfig.class).requiredSecrets())
                .isEqualTo(Map.of(PASSWORD, "from-the-secret"));
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("from-the-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void theLocalProfilesRequireNothing(String profile) throws IOException {
        assertThat(read(profile, Map.of()).getConfigMapping(DemoProviderConfig.class).requiredSecrets()).isEmpty();
    }

    private static SmallRyeConfig read(String profile, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                // Quarkus' own reading of durations ("1s"), which SmallRye alone does not know.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(
                        DemoProviderConfig.class.getResource("/application.properties"), 250))
                .withMapping(DemoProviderConfig.class)
                .build();
    }
}
