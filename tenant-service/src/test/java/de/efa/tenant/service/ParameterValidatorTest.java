package de.efa.tenant.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan's schema that the catalog took before it checked references, and that cannot check a value, is the
 * plan's fault: 409, never a 500 for the municipality subscribing.
 */
class ParameterValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/properties/a\"}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"$dynamicRef\":\"#\"}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}"})
    void aSchemaThatFailsWhileCheckingIs409(String schema) {
        ParameterValidator validator = new ParameterValidator(JSON);

        assertThatThrownBy(() -> validator.check(schema, JSON.valueToTree(Map.of("a", 1))))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(409))
                .hasMessageContaining("parameter schema cannot be used");
    }

    @Test
    void aChoiceWithLabelsTakesOneOfItsConstantsAndRefusesAnyOtherWith422NamingIt() {
        ParameterValidator validator = new ParameterValidator(JSON);
        // Labelled choices as docs/services.md describes them: each value a const with its German title.
        String schema = """
                {"type": "object", "properties": {"postfach": {"type": "object", "properties": {"art": {
                "type": "string", "oneOf": [{"const": "BUNDID", "title": "BundID"},
                {"const": "FIT_CONNECT", "title": "FIT-Connect"}]}}}}}""";

        validator.check(schema, JSON.valueToTree(Map.of("postfach", Map.of("art", "FIT_CONNECT"))));
        assertThatThrownBy(() -> validator.check(schema, JSON.valueToTree(Map.of("postfach", Map.of("art", "FAX")))))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.violations()).extracting(Violation::field)
                            .containsOnly("parameters.postfach.art");
                    assertThat(problem.violations()).as("one mistake, one violation").containsExactly(new Violation(
                            "parameters.postfach.art", "must be one of \"BUNDID\", \"FIT_CONNECT\""));
                });
    }

    @Test
    void aValueTooLongToBeCheckedAgainstItsPatternIs422NamingIt() {
        ParameterValidator validator = new ParameterValidator(JSON);
        String schema = """
                {"type": "object", "properties": {"stellen": {"type": "array", "items": {"type": "string",
                "pattern": "a{1000}b"}}}}""";

        assertThatThrownBy(() -> validator.check(schema, JSON.valueToTree(Map.of("stellen",
                List.of("Ordnungsamt", "a".repeat(100_000))))))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.violations()).containsExactly(new Violation("parameters.stellen[1]",
                            "is too long to be checked against its pattern"));
                });
    }

    @Test
    void valuesTooLongTogetherButNotAloneAre422NamingNoOneOfThem() {
        ParameterValidator validator = new ParameterValidator(JSON);
        String schema = """
                {"type": "object", "properties": {"lang": {"type": "string", "pattern": "a{1000}b"},
                "kurz": {"type": "string", "pattern": "a{100}"}}}""";

        // Each alone takes less than a validation may spend, both together more: shortening either one helps.
        assertThatThrownBy(() -> validator.check(schema, JSON.valueToTree(Map.of("lang", "a".repeat(49_000),
                "kurz", "b".repeat(10_000)))))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.violations()).containsExactly(new Violation("parameters",
                            "are together too long to be checked against their patterns"));
                });
    }

    @ParameterizedTest
    @CsvSource({
            "https://json-schema.org/draft/2020-12/schema, email, keine-mail, ordnungsamt@musterstadt.de",
            "https://json-schema.org/draft/2020-12/schema, uri, kein-url, https://gemeinde.example/efa/callback",
            "https://json-schema.org/draft/2020-12/schema, date, 2026-02-30, 2026-02-28",
            "https://json-schema.org/draft/2020-12/schema, date-time, 2026-02-28 12:00, 2026-02-28T12:00:00+01:00",
            "https://json-schema.org/draft/2020-12/schema, uuid, 1234, 3f2b6a1e-7c4d-4e8a-9b0c-5d6e7f8a9b0c",
            "https://json-schema.org/draft/2020-12/schema, ipv4, 10.0.0.256, 10.0.0.1",
            "https://json-schema.org/draft/2020-12/schema, ipv6, 2001:db8::g, 2001:db8::1",
            "https://json-schema.org/draft/2019-09/schema, email, keine-mail, ordnungsamt@musterstadt.de",
            "http://json-schema.org/draft-07/schema#, uri, kein-url, https://gemeinde.example/efa/callback"})
    void aFormatTheProviderDeclaresIsAssertedWith422NamingTheField(String dialect, String format, String bad,
                                                                   String good) {
        ParameterValidator validator = new ParameterValidator(JSON);
        String schema = """
                {"$schema": "%s", "type": "object", "properties": {"kontakt": {"type": "object", "properties": {
                "wert": {"type": "string", "format": "%s"}}}}}""".formatted(dialect, format);

        validator.check(schema, JSON.valueToTree(Map.of("kontakt", Map.of("wert", good))));
        assertThatThrownBy(() -> validator.check(schema, JSON.valueToTree(Map.of("kontakt", Map.of("wert", bad)))))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.violations()).extracting(Violation::field)
                            .containsExactly("parameters.kontakt.wert");
                });
    }

    @Test
    void aFormatTheLibraryDoesNotKnowStaysAnAnnotation() {
        ParameterValidator validator = new ParameterValidator(JSON);
        String schema = """
                {"type": "object", "properties": {"frucht": {"type": "string", "format": "banana"}}}""";

        validator.check(schema, JSON.valueToTree(Map.of("frucht", "Apfel")));
    }

    @Test
    void aValueTooLongToBeCheckedAgainstItsFormatIs422AndNoFaultOfThePlan() {
        ParameterValidator validator = new ParameterValidator(JSON);
        String schema = """
                {"type": "object", "properties": {"host": {"type": "string", "format": "hostname"},
                "stelle": {"type": "string", "minLength": 3}}}""";

        validator.check(schema, JSON.valueToTree(Map.of("host", "efa.musterstadt.de", "stelle", "Ordnungsamt")));
        assertThatThrownBy(() -> validator.check(schema, JSON.valueToTree(Map.of("host", "a.".repeat(400_000) + "de",
                "stelle", "O"))))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.violations()).extracting(Violation::field)
                            .containsExactlyInAnyOrder("parameters.stelle", "parameters");
                    assertThat(problem.violations()).contains(new Violation("parameters",
                            "holds a value too long to be checked against its format"));
                });
    }
}
