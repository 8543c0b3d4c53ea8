package de.efa.tenant.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A provider's {@code pattern} that backtracks catastrophically in a naive regular-expression engine must not hold
 * a request (or a rollout's worker) for longer than a blink: 40 characters against {@code ^(a|aa)+$} would take a
 * backtracking engine longer than the age of the universe. The bound is loose on purpose; today it takes
 * milliseconds.
 */
class CatastrophicPatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCatastrophicPatternIsAnsweredAtOnce() {
        ParameterValidator validator = new ParameterValidator(JSON);
        String schema = """
                {"type": "object", "properties": {"kennung": {"type": "string", "pattern": "^(a|aa)+$"}}}""";

        // Loading the meta-schemas and compiling the plan's schema happen once, before anything is timed.
        validator.check(schema, JSON.valueToTree(Map.of("kennung", "aaaa")));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() ->
                validator.check(schema, JSON.valueToTree(Map.of("kennung", "a".repeat(40) + "!"))))
                .isInstanceOf(ProblemException.class));
    }
}
