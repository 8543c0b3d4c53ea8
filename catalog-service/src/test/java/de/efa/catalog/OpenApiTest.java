package de.efa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static de.efa.catalog.CatalogApi.JSON;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue item 7: every operation is documented with its roles, its answers and, where protected, its security. */
@QuarkusTest
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete");

    @Test
    void everyOperationHasSummaryRolesAnswersAndSecurity() throws Exception {
        JsonNode document = JSON.readTree(given().accept("application/json").get("/q/openapi").asString());
        List<String> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey()) || !path.getKey().startsWith("/api/v1")) {
                return;
            }
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            JsonNode op = operation.getValue();
            assertThat(op.path("summary").asText()).as(name).isNotBlank();
            assertThat(op.path("description").asText()).as(name).containsAnyOf("Anyone", "Role", "owning provider");
            assertThat(op.path("responses").size()).as(name).isPositive();
            boolean takesInput = op.has("parameters") || op.has("requestBody");
            if (takesInput) {
                assertThat(op.path("responses").fieldNames()).as(name + " error answers").toIterable()
                        .anyMatch(status -> status.startsWith("4"));
            }
            if (!operation.getKey().equals("get")) {
                assertThat(op.path("security").isArray()).as(name + " security").isTrue();
                assertThat(op.path("responses").has("401")).as(name + " 401").isTrue();
                assertThat(op.path("responses").has("403")).as(name + " 403").isTrue();
            }
        }));
        assertThat(operations).contains("GET /api/v1/services", "POST /api/v1/services", "PUT /api/v1/services/{id}",
                "POST /api/v1/services/{id}/publish", "POST /api/v1/services/{id}/deprecate",
                "POST /api/v1/services/{id}/retire", "GET /api/v1/themenfelder", "GET /api/v1/providers",
                "POST /api/v1/providers", "PUT /api/v1/providers/{id}", "GET /api/v1/audit");
        assertThat(document.path("components").path("securitySchemes").has("bearer")).isTrue();
    }
}
