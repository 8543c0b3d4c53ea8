package de.efa.tenant.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation is documented with its roles, its security requirement and each of its error answers. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationNamesItsRolesAndErrorAnswers() {
        JsonPath api = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/tenants", "/api/v1/tenants/{ags}",
                "/api/v1/tenants/{ags}/subscriptions", "/api/v1/tenants/{ags}/subscriptions/{id}",
                "/api/v1/tenants/{ags}/subscriptions/{id}/resubmit", "/api/v1/tenants/population",
                "/api/v1/tenants/import", "/api/v1/rollouts", "/api/v1/rollouts/{id}", "/api/v1/rollouts/{id}/items",
                "/api/v1/parked/outgoing",
                "/api/v1/parked/outgoing/{id}/retry", "/api/v1/parked/outgoing/{id}/discard",
                "/api/v1/parked/incoming", "/api/v1/audit");
        assertThat(api.getMap("components.securitySchemes")).containsKey("bearer");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String where = operation.getKey() + " " + path.getKey();
                Map<String, Object> details = operation.getValue();
                assertThat((String) details.get("summary")).as(where).isNotBlank();
                assertThat((String) details.get("description")).as(where).containsPattern("Roles?: `");
                assertThat(details.get("security")).as(where).isNotNull();
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) details.get("responses");
                assertThat(responses).as(where).containsKeys("401", "403");
                assertThat(responses.keySet()).as(where).anyMatch(code -> code.startsWith("2"));
            }
        }
        assertThat(operations).isEqualTo(36);
    }
}
