package de.efa.platform.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class OpenApiConventionsTest {

    @Test
    void every_operation_documents_the_request_limits_and_keeps_its_own_id_and_security() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/parked/outgoing'.get.operationId", equalTo("listParkedOutgoing"))
                // The roles of its @RolesAllowed, as the matrix of the end-to-end suite reads them.
                .body("paths.'/api/v1/parked/outgoing'.get.security[0].bearer", contains("operator"))
                .body("paths.'/api/v1/parked/outgoing'.get.responses.'414'.'$ref'",
                        equalTo("#/components/responses/UriTooLong"))
                .body("paths.'/api/v1/parked/outgoing'.get.responses.'431'.'$ref'",
                        equalTo("#/components/responses/HeadersTooLarge"))
                .body("components.responses.UriTooLong.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("info.license.name", equalTo("EUPL-1.2"))
                // Nothing here takes a body: no unused component for the lint to warn of.
                .body("components.responses.BodyTooLarge", nullValue())
                .body("servers[0].url", equalTo("/"))
                // Taken as text by the resource, documented as the integers they must be.
                .body("paths.'/api/v1/parked/outgoing'.get.parameters.find { it.name == 'page' }.schema.type",
                        equalTo("integer"))
                .body("paths.'/api/v1/parked/outgoing'.get.parameters.find { it.name == 'size' }.schema.maximum",
                        equalTo(100));
    }
}
