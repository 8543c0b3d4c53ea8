package de.efa.tenant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.path.NodePath;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.platform.schema.PatternBudgetExceededException;
import de.efa.platform.schema.ProviderSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Checks a subscription's parameters against its plan's JSON Schema (draft 2020-12 unless the schema says
 * otherwise). Each violation names the field inside {@code parameters} the way the caller wrote it.
 * <p>
 * A {@code format} the library knows (email, uri, date, date-time, uuid, ipv4, ipv6, …) is asserted in every draft:
 * since 2019-09 it is only an annotation unless the validator is told otherwise, and a provider who declares an
 * e-mail address needs one to deliver to. A format the library does not know stays an annotation.
 */
@ApplicationScoped
public class ParameterValidator {

    private static final Logger LOG = Logger.getLogger(ParameterValidator.class);
    private static final String FIELD = "parameters";
    /** Keywords whose error sits on the object but is about one named property of it. */
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties",
            "dependentRequired", "unevaluatedProperties", "dependencies");
    private static final int CACHED_SCHEMAS = 256;

    private final SchemaRegistry registry = ProviderSchemas.registry();
    // A rollout subscribes thousands of tenants to one plan: compile its schema once.
    private final Map<String, Schema> compiled = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
                    return size() > CACHED_SCHEMAS;
                }
            });
    private final ObjectMapper json;

    public ParameterValidator(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Answers 422 with every violation when the parameters do not satisfy the schema, or with the one value that is
     * too long to be checked against the schema's patterns in the time one check may take, or on {@code parameters}
     * when a value is too long to be checked against its format (a hostname of hundreds of thousands of labels).
     */
    public void check(String schemaJson, JsonNode parameters) {
        List<Violation> violations;
        try {
            violations = violations(validate(schemaJson, parameters, ParameterValidator::assertFormats));
        } catch (StackOverflowError e) {
            // The library matches some formats (hostname, json-pointer, uri-template) with java.util.regex, which
            // recurses once per repetition: a long value overflows the stack although the schema is fine. Checked
            // again with formats as annotations, a schema that overflows on its own is told apart from such a value.
            List<Error> withoutFormats;
            try {
                withoutFormats = validate(schemaJson, parameters, context -> { });
            } catch (StackOverflowError again) {
                throw unusable(again);
            }
            violations = new ArrayList<>(violations(withoutFormats));
            violations.add(new Violation(FIELD, "holds a value too long to be checked against its format"));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    private List<Error> validate(String schemaJson, JsonNode parameters, Consumer<ExecutionContext> customizer) {
        try {
            return schema(schemaJson).validate(parameters, customizer);
        } catch (PatternBudgetExceededException e) {
            throw invalid(List.of(new Violation(e.instanceLocation().map(ParameterValidator::fieldOf).orElse(FIELD),
                    e.getMessage())));
        } catch (RuntimeException e) {
            throw unusable(e);
        }
    }

    /** The catalog refuses such schemas now; a plan published before it did must not make subscribing a 500. */
    private static ProblemException unusable(Throwable e) {
        // Logged, as a fault of this service's own would look the same to the caller.
        LOG.warnf("a plan's parameter schema could not be used: %s", e.toString());
        return ProblemException.conflict("The plan's parameter schema cannot be used; the provider has to fix it");
    }

    private static void assertFormats(ExecutionContext context) {
        context.executionConfig(config -> config.formatAssertionsEnabled(true));
    }

    /**
     * One violation per error, except for a choice among constants ({@code oneOf} whose every branch is a
     * {@code const}, the labelled choices of docs/services.md): the validator reports the choice and each constant
     * the value is not, which is one mistake, so it is one violation naming the values allowed.
     */
    private static List<Violation> violations(List<Error> errors) {
        List<String> choices = errors.stream().filter(ParameterValidator::isChoiceAmongConstants)
                .map(error -> error.getEvaluationPath() + "/").toList();
        return errors.stream()
                .filter(error -> choices.stream().noneMatch(choice -> error.getEvaluationPath().toString()
                        .startsWith(choice)))
                .map(error -> new Violation(fieldOf(error), isChoiceAmongConstants(error)
                        ? "must be one of " + constants(error.getSchemaNode()) : error.getMessage()))
                .toList();
    }

    private static boolean isChoiceAmongConstants(Error error) {
        JsonNode branches = error.getSchemaNode();
        if (!"oneOf".equals(error.getKeyword()) || branches == null || !branches.isArray() || branches.isEmpty()) {
            return false;
        }
        for (JsonNode branch : branches) {
            if (!branch.has("const")) {
                return false;
            }
        }
        return true;
    }

    private static String constants(JsonNode branches) {
        StringJoiner values = new StringJoiner(", ");
        branches.forEach(branch -> values.add(branch.get("const").toString()));
        return values.toString();
    }

    private static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(422, "invalid-parameters", "Parameters do not satisfy the plan",
                violations.size() + " parameter(s) do not satisfy the plan's schema", violations);
    }

    private Schema schema(String schemaJson) {
        return compiled.computeIfAbsent(schemaJson, text -> {
            try {
                return registry.getSchema(json.readTree(text));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("schema is not JSON", e);
            }
        });
    }

    private static String fieldOf(Error error) {
        String field = fieldOf(error.getInstanceLocation());
        if (error.getProperty() != null && PROPERTY_KEYWORDS.contains(error.getKeyword())) {
            return field + "." + error.getProperty();
        }
        return field;
    }

    private static String fieldOf(NodePath location) {
        StringBuilder field = new StringBuilder(FIELD);
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append('.').append(element);
            }
        }
        return field.toString();
    }
}
