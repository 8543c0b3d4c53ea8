package de.efa.platform.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Providers' patterns as JSON Schema means them, in linear time. */
class LinearTimeRegexTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPatternMatchesAnywhereInTheValueUnlessItIsAnchored() {
        assertThat(LinearTimeRegex.INSTANCE.getRegularExpression("[0-9]{5}").matches("PLZ 04109 Leipzig")).isTrue();
        assertThat(LinearTimeRegex.INSTANCE.getRegularExpression("^[0-9]{5}$").matches("PLZ 04109 Leipzig")).isFalse();
        assertThat(LinearTimeRegex.INSTANCE.getRegularExpression("^[0-9]{5}$").matches("04109")).isTrue();
    }

    @Test
    void lookaroundAndBackreferencesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> LinearTimeRegex.compile("^(?!test)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lookaround and backreferences are not supported");
        assertThatThrownBy(() -> LinearTimeRegex.compile("(a)\\1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSchemaOfTheRegistryRunsACatastrophicPatternOverALongValueAtOnce() {
        Schema schema = ProviderSchemas.registry().getSchema(JSON.valueToTree(Map.of("type", "object",
                "properties", Map.of("kennung", Map.of("type", "string", "pattern", "^(a|aa)+$")))));
        schema.validate(JSON.valueToTree(Map.of("kennung", "aa")));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(
                schema.validate(JSON.valueToTree(Map.of("kennung", "a".repeat(100_000) + "!")))).hasSize(1));
    }
}
