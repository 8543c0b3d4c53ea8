package de.efa.demoprovider;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class BootTest {

    @Test
    void bootsWithItsDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void exposesMetrics() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("demo_provider_operations_completed_total"));
    }

    @Test
    void documentsTheBrokerApiWithItsVersionHeaderAndErrorAnswers() {
        String instance = "paths.'/brokers/{provider_id}/v2/service_instances/{instance_id}'";
        String put = instance + ".put";
        String patch = instance + ".patch";
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("EfA Marketplace: demo provider"))
                .body("components.securitySchemes.bearer", notNullValue())
                .body(put + ".parameters.name", hasItems("X-Broker-API-Version", "provider_id", "instance_id",
                        "accepts_incomplete"))
                .body(put + ".responses.keySet()", hasItems("200", "202", "400", "401", "403", "409", "412", "422", "500"))
                .body(put + ".security.bearer", notNullValue())
                .body(patch + ".parameters.name", hasItems("X-Broker-API-Version", "provider_id", "instance_id",
                        "accepts_incomplete"))
                .body(patch + ".responses.keySet()", hasItems("200", "202", "400", "401", "403", "404", "412", "422",
                        "500"))
                .body(instance + ".get.responses.keySet()", hasItems("200", "404", "422"))
                .body("paths.'/brokers/{provider_id}/v2/catalog'.get.parameters.name", hasItem("provider_id"))
                .body("paths.keySet()", not(hasItem("/v2/catalog")))
                .body("paths.'/dashboard/{instance_id}'.get.responses.'423'.content.keySet()",
                        hasItems("text/html", "application/problem+json"))
                .body("paths.'/instances/{instance_id}'.delete.responses.keySet()", hasItems("204", "401", "403", "404"))
                .body("paths.'/admin/behaviour'.put.description", containsString("failing_updates"))
                .body("paths.'/instances'.get.responses.keySet()", hasItems("200", "400", "401", "403"))
                .body("paths.'/admin/behaviour'.put.description", containsString("operator"))
                .body("tags.name", hasItem("Open Service Broker"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
