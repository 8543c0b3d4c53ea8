package de.efa.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scopes as docs/services.md ("Scopes") states them. The end-to-end matrix checks that the services answer as
 * the documents say; this pins what the documents say, so that a scope cannot be widened together with its service.
 */
class ScopesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void each_scope_names_its_resource_its_path_parameter_and_the_answer_to_another_scope() throws Exception {
        Map<String, String> scopes = Map.of(
                "tenant", Scopes.TENANT,
                "service", Scopes.SERVICE,
                "bundler", Scopes.BUNDLER,
                "interest", Scopes.INTEREST,
                "rollout", Scopes.ROLLOUT);
        Map<String, String> expected = Map.of(
                "tenant", "{\"resource\":\"tenant\",\"parameter\":\"ags\",\"foreign\":[403]}",
                "service", "{\"resource\":\"service\",\"parameter\":\"id\",\"foreign\":[403,404]}",
                "bundler", "{\"resource\":\"bundler\",\"parameter\":\"id\",\"foreign\":[403]}",
                "interest", "{\"resource\":\"interest\",\"parameter\":\"id\",\"foreign\":[403]}",
                // 404: whether a bundler's rollout exists must not show to another bundler.
                "rollout", "{\"resource\":\"rollout\",\"parameter\":\"id\",\"foreign\":[404]}");
        for (Map.Entry<String, String> scope : scopes.entrySet()) {
            JsonNode parsed = JSON.readTree(scope.getValue());
            assertThat(parsed).as(scope.getKey()).isEqualTo(JSON.readTree(expected.get(scope.getKey())));
        }
        assertThat(Scopes.EXTENSION).isEqualTo("x-efa-scope");
    }
}
