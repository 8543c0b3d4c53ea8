package de.efa.catalog.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The bounds of a provider's parameter schema: its size as JSON, how deep it nests, what its patterns cost, and
 * references that every subscription's check can follow to an end.
 */
class ParameterSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadTheMetaSchemaBeforeAnythingIsTimed() {
        ParameterSchema.of(JSON.createObjectNode().put("type", "object"));
    }

    @Test
    void aSchemaOf64KibIsTakenAndOneByteMoreIsRefusedWithItsSize() {
        assertThat(ParameterSchema.of(withDescriptionOfBytes(ParameterSchema.MAX_BYTES))).isNotNull();

        assertThatThrownBy(() -> ParameterSchema.of(withDescriptionOfBytes(ParameterSchema.MAX_BYTES + 1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be at most 64 KiB as JSON, but has 65 KiB");
    }

    @Test
    void sixteenLevelsOfNestingAreTakenAndSeventeenRefused() {
        assertThat(ParameterSchema.of(nestedLevels(16))).isNotNull();

        assertThatThrownBy(() -> ParameterSchema.of(nestedLevels(17)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not nest objects and arrays deeper than 16 levels");
    }

    @Test
    void aSchemaNestedAThousandLevelsDeepIsRefusedWithoutAStackOverflow() {
        assertThatThrownBy(() -> ParameterSchema.of(nestedLevels(1000))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aPatternWhoseNestedRepetitionsExplodeIsRefusedAtOnceNamingWhereItIs() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"type":"object","properties":{"k":{"type":"string","pattern":"((((a{100}){100}){100}){100})"}}}""");

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> ParameterSchema.of(schema))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("$.properties.k.pattern")
                .hasMessageContaining("multiply to at most 1000"));
    }

    @Test
    void aPatternPropertyWhoseRepetitionsTakeMinutesOverALongValueIsRefused() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"type":"object","patternProperties":{"(?:.{1000}){1000}":{"type":"string"}}}""");

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> ParameterSchema.of(schema))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("$.patternProperties"));
    }

    @Test
    void patternsOfMoreThanTenThousandPiecesTogetherAreRefusedThoughEachIsTaken() {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (int i = 0; i < 9; i++) {
            properties.putObject("k" + i).put("type", "string").put("pattern", "[0-9]{1000}");
        }
        schema.putObject("patternProperties").putObject("[a-z]{1000}");
        assertThat(ParameterSchema.of(schema)).isNotNull();

        properties.putObject("k9").put("type", "string").put("pattern", "x");
        assertThatThrownBy(() -> ParameterSchema.of(schema))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("has regular expressions of 10001 pieces together")
                .hasMessageContaining("at most 10000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"minimum\":1e400", "\"exclusiveMaximum\":-1e400", "\"enum\":[1, 1e400]"})
    void aNumberBeyondWhatADoubleHoldsIsRefusedNamingWhereItIs(String keyword) throws Exception {
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"number\"," + keyword + "}}}");

        assertThatThrownBy(() -> ParameterSchema.of(schema))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("has a number at $.properties.n.")
                .hasMessageContaining("too large");
    }

    static Stream<Arguments> unusableReferences() {
        return Stream.of(
                Arguments.of("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/properties/a\"}}}",
                        "leads from $.properties.a back to itself"),
                Arguments.of("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/$defs/a\"}},\"$defs\":"
                        + "{\"a\":{\"allOf\":[{\"$ref\":\"#/$defs/b\"}]},\"b\":{\"not\":{\"$ref\":\"#/$defs/a\"}}}}",
                        "back to itself through $ref, allOf"),
                Arguments.of("{\"type\":\"object\",\"properties\":{\"x\":{\"$dynamicRef\":\"#\"}}}",
                        "may not use $dynamicRef ($.properties.x.$dynamicRef)"),
                Arguments.of("{\"type\":\"object\",\"properties\":{\"x\":{\"$recursiveRef\":\"#\"}}}",
                        "may not use $recursiveRef"),
                Arguments.of("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/$defs/missing\"}}}",
                        "$ref at $.properties.x.$ref to #/$defs/missing, which is no schema inside it"),
                Arguments.of("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/properties\"}}}",
                        "which is no schema inside it"),
                Arguments.of("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#nirgends\"}}}",
                        "which is no schema inside it"),
                Arguments.of("{\"type\":\"object\",\"properties\":{\"x\":{\"$id\":\"https://efa.de/x\",\"$ref\":\"#\"}}}",
                        "may give $id only at its root, but $.properties.x.$id gives one"));
    }

    @ParameterizedTest
    @MethodSource("unusableReferences")
    void aReferenceThatDanglesLoopsInPlaceOrIsResolvedOnlyWhileCheckingIsRefused(String schema, String problem)
            throws Exception {
        JsonNode parsed = JSON.readTree(schema);

        assertThatThrownBy(() -> ParameterSchema.of(parsed))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"object\",\"properties\":{\"kinder\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}}}",
            "{\"type\":\"object\",\"additionalProperties\":{\"allOf\":[{\"$ref\":\"#\"}]}}",
            "{\"type\":\"object\",\"$defs\":{\"c\":{\"$anchor\":\"cent\",\"type\":\"integer\"}},"
                    + "\"properties\":{\"x\":{\"$ref\":\"#cent\"}}}",
            "{\"type\":\"object\",\"$defs\":{\"a/b c\":{\"type\":\"string\"}},"
                    + "\"properties\":{\"x\":{\"$ref\":\"#/$defs/a~1b%20c\"}}}",
            "{\"type\":\"object\",\"$defs\":{\"a\":{\"allOf\":[{\"$ref\":\"#/$defs/b\"}]},\"b\":{\"type\":\"string\"}},"
                    + "\"properties\":{\"x\":{\"$ref\":\"#/$defs/a\"},\"y\":{\"$ref\":\"#/properties/x\"}}}",
            "{\"$id\":\"https://efa.de/schemas/x\",\"type\":\"object\",\"$defs\":{\"s\":{\"type\":\"string\"}},"
                    + "\"properties\":{\"x\":{\"$ref\":\"#/$defs/s\"}}}",
            "{\"type\":\"object\",\"properties\":{\"x\":true,\"y\":{\"$ref\":\"#/properties/x\"}}}"})
    void referencesThatResolveAndDescendBeforeTheyRecurAreTaken(String schema) throws Exception {
        JsonNode parsed = JSON.readTree(schema);

        assertThat(ParameterSchema.of(parsed)).isEqualTo(parsed);
    }

    /** An object schema whose JSON text is exactly {@code bytes} long. */
    private static JsonNode withDescriptionOfBytes(int bytes) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object").put("description", "");
        int padding = bytes - schema.toString().length();
        return schema.put("description", "x".repeat(padding));
    }

    /**
     * {@code levels} levels of JSON: the schema, then objects inside {@code properties} (two levels each: the
     * properties map and the property's schema), the last one a leaf.
     */
    private static JsonNode nestedLevels(int levels) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode current = schema;
        for (int level = 1; level < levels; level++) {
            if (level % 2 == 1) {
                current = current.putObject("properties");
            } else {
                current = current.putObject("p" + level);
                current.put("type", "object");
            }
        }
        return schema;
    }
}
