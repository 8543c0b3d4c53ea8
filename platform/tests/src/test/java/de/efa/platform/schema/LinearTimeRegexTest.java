package de.efa.platform.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"((((a{100}){100}){100}){100})", "(?:.{1000}){1000}", "(a{2}){501}", "(?:a{10,}){101}",
            "(?:(?:a{0}){1000}){2}", "a{1001}", "\\Q(\\E(?:[)]a{50}|b){21}"})
    void nestedCountedRepetitionsOfMoreThanAThousandCopiesAreRefusedAtOnce(String regex) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> LinearTimeRegex.compile(regex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a{1000}", "(a{2}){500}", "(?:a{10}|b{100}){10}", "(?:a{1000}){0}(?:b{0,}){1000}",
            "^[0-9]{5}(?:-[0-9]{4}){0,2}$", "\\x{1000}{1000}", "[{1000}]{1000}", "\\p{Greek}{1000}",
            "\\Q{1000}\\E{1000}", "a{01000}{1000}", "[[:digit:]]{1000}"})
    void repetitionsUpToAThousandCopiesCompile(String regex) {
        assertThat(LinearTimeRegex.compile(regex)).isNotNull();
    }

    @Test
    void aPatternsSizeIsEachPieceTimesTheRepetitionsAroundIt() {
        assertThat(LinearTimeRegex.size("^[0-9]{5}$")).isEqualTo(7);
        assertThat(LinearTimeRegex.size("a{1000}")).isEqualTo(1000);
        assertThat(LinearTimeRegex.size("(ab|c){3}")).isEqualTo(9);
        assertThat(LinearTimeRegex.size("(a{2}){500}")).isEqualTo(1000);
        assertThat(LinearTimeRegex.size("\\Qab\\E{3}")).isEqualTo(4);
        assertThat(LinearTimeRegex.size("(?:a{1000}){0}b")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a{1000}a",
            "(?:[0-9]{1000}|[a-z]{1000}){1}(?:[0-9]{1000}|[a-z]{1000}){1}(?:[0-9]{1000}|[a-z]{1000}){1}"
                    + "(?:[0-9]{1000}|[a-z]{1000}){1}(?:[0-9]{1000}|[a-z]{1000}){1}(?:[0-9]{1000}|[a-z]{1000}){1}",
            "(abcdefghij){1000}a", "(abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijx){200}"})
    void aPatternOfMoreThanTenThousandPiecesIsRefused(String regex) {
        assertThatThrownBy(() -> LinearTimeRegex.compile(regex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 10000 pieces");
    }

    @Test
    void aHugeValueOfFormatRegexIsRefusedBeforeRE2CompilesIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() ->
                LinearTimeRegex.compile("a{1000}".repeat(150_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 10000 pieces"));
    }

    @Test
    void groupsNestAtMostAHundredDeep() {
        assertThat(LinearTimeRegex.compile("(".repeat(100) + "a|b" + ")+".repeat(100))).isNotNull();

        assertThatThrownBy(() -> LinearTimeRegex.compile("(".repeat(30_000) + "a|b" + ")+".repeat(30_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100 levels");
    }

    @Test
    void aSchemaWithAnExplodingPatternIsRefusedBeforeAnyValueIsChecked() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> ProviderSchemas.registry()
                .getSchema(JSON.valueToTree(Map.of("type", "object", "properties",
                        Map.of("k", Map.of("type", "string", "pattern", "(?:.{1000}){1000}")))))
                .validate(JSON.valueToTree(Map.of("k", "x".repeat(100_000)))))
                .isInstanceOf(SchemaException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class));
    }
}
