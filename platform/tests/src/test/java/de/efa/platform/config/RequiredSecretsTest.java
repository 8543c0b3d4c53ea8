package de.efa.platform.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The production profile of each service, read the way Quarkus reads it at start (the platform's defaults under the
 * service's application.properties, mapped with SmallRye Config), without starting anything: no secret has a
 * default, and a start without one stops naming its environment variable.
 */
class RequiredSecretsTest {

    private static final Map<String, List<String>> SECRETS = Map.of(
            "catalog-service", List.of("QUARKUS_DATASOURCE_PASSWORD"),
            "tenant-service", List.of("QUARKUS_DATASOURCE_PASSWORD"),
            "marketplace-service", List.of("QUARKUS_DATASOURCE_PASSWORD", "EFA_OIDC_CLIENT_SECRET"));
    /** Every secret, as a Kubernetes Secret would give it. */
    private static final Map<String, String> GIVEN = Map.of("QUARKUS_DATASOURCE_PASSWORD", "from-the-secret",
            "EFA_OIDC_CLIENT_SECRET", "from-the-client-secret");

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "tenant-service", "marketplace-service"})
    void production_has_no_built_in_secret_and_a_start_without_one_stops_naming_it(String service) {
        assertThatExceptionOfType(ConfigValidationException.class).isThrownBy(() -> config(service, "prod", Map.of()));
        for (String missing : SECRETS.get(service)) {
            Map<String, String> theOthers = new HashMap<>(GIVEN);
            theOthers.remove(missing);
            assertThatExceptionOfType(ConfigValidationException.class)
                    .isThrownBy(() -> config(service, "prod", theOthers))
                    .withMessageContaining("efa.required-secrets." + missing);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "tenant-service", "marketplace-service"})
    void production_starts_with_every_secret_given_by_its_environment_variable(String service) {
        SmallRyeConfig config = config(service, "prod", GIVEN);

        assertThat(config.getConfigMapping(RequiredSecrets.class).values())
                .containsOnlyKeys(SECRETS.get(service))
                .allSatisfy((variable, value) -> assertThat(value).isEqualTo(GIVEN.get(variable)));
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("from-the-secret");
    }

    @Test
    void an_empty_secret_counts_as_missing() {
        assertThatExceptionOfType(ConfigValidationException.class)
                .isThrownBy(() -> config("catalog-service", "prod", Map.of("QUARKUS_DATASOURCE_PASSWORD", "")))
                .withMessageContaining("efa.required-secrets.QUARKUS_DATASOURCE_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void the_local_profiles_require_nothing(String profile) {
        assertThat(config("marketplace-service", profile, Map.of()).getConfigMapping(RequiredSecrets.class).values())
                .isEmpty();
    }

    /** What the service reads at start in {@code profile}, with {@code environment} as its environment variables. */
    private static SmallRyeConfig config(String service, String profile, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(properties(Path.of("..", "..", service, "src/main/resources/application.properties"), 250))
                .withSources(properties(Path.of("..", "src/main/resources/META-INF/microprofile-config.properties"), 100))
                .withMapping(RequiredSecrets.class)
                .build();
    }

    private static PropertiesConfigSource properties(Path file, int ordinal) {
        try {
            return new PropertiesConfigSource(file.toUri().toURL(), ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
