package de.efa.tenant.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A provider's {@code pattern} that makes a naive backtracking engine take exponential time ({@code ^(a|aa)+$},
 * {@code ^(a+)+$} against a long run of a's that does not match at its end) must not hold a request, or a rollout's
 * worker, for longer than a blink. The validator's engine answers them in under a millisecond today; the bound is
 * loose on purpose, so that only a catastrophic regression fails it.
 */
class CatastrophicPatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"^(a|aa)+$", "^(a+)+$"})
    void aCatastrophicPatternIsAnsweredAtOnce(String pattern) {
        ParameterValidator validator = new ParameterValidator(JSON);
        String schema = """
                {"type": "object", "properties": {"kennung": {"type": "string", "pattern": "%s"}}}"""
                .formatted(pattern);
        // Loading the meta-schemas and compiling the plan's schema happen once, before anything is timed.
        validator.check(schema, JSON.valueToTree(Map.of("kennung", "aaaa")));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() ->
                validator.check(schema, JSON.valueToTree(Map.of("kennung", "a".repeat(5000) + "!"))))
                .isInstanceOf(ProblemException.class));
    }

    @Test
    void aPatternThatTheCatalogTookBeforeItBoundedRepetitionsIs409AtOnce() {
        ParameterValidator validator = new ParameterValidator(JSON);
        String schema = """
                {"type": "object", "properties": {"kennung": {"type": "string", "pattern": "(?:.{1000}){1000}"}}}""";
        validator.check("{\"type\": \"object\"}", JSON.createObjectNode());

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() ->
                validator.check(schema, JSON.valueToTree(Map.of("kennung", "a".repeat(100_000)))))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(409)));
    }
}
