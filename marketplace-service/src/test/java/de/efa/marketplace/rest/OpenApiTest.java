package de.efa.marketplace.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Each operator operation documents its role, its security and every error answer. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyProvisioningOperationNamesItsRoleSecurityAndErrors() {
        JsonPath api = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        List<String> provisioning = paths.keySet().stream().filter(p -> p.startsWith("/api/v1/provisioning")).toList();
        assertThat(provisioning).containsExactlyInAnyOrder("/api/v1/provisioning/jobs", "/api/v1/provisioning/jobs/{id}",
                "/api/v1/provisioning/jobs/{id}/retry", "/api/v1/provisioning/stats",
                "/api/v1/provisioning/dead-letters", "/api/v1/provisioning/findings",
                "/api/v1/provisioning/findings/{id}/resolve", "/api/v1/provisioning/reconciliations",
                "/api/v1/provisioning/reconciliations/{id}");
        for (String path : provisioning) {
            paths.get(path).forEach((method, operation) -> {
                assertThat((String) operation.get("description")).as(method + " " + path).contains("operator");
                assertThat(operation.get("summary")).as(method + " " + path).isNotNull();
                assertThat(operation.get("security")).as(method + " " + path).isNotNull();
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                assertThat(responses).as(method + " " + path).containsKeys("401", "403")
                        .containsKey(path.equals("/api/v1/provisioning/reconciliations") ? "202" : "200");
            });
        }
        assertThat(api.getMap("components.securitySchemes")).containsKey("bearer");
    }
}
