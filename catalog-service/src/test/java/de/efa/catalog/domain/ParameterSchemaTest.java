package de.efa.catalog.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The bounds of a provider's parameter schema: its size as JSON, how deep it nests, what its patterns cost. */
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
