package de.efa.bench.fuzz;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BadRequestsTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/v1/tenants/{ags}/subscriptions":{
                "parameters":[{"name":"ags","in":"path","required":true,"schema":{"type":"string"}}],
                "post":{"parameters":[{"name":"Idempotency-Key","in":"header","schema":{"type":"string"}}],
                        "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Subscribe"}}}}},
                "get":{"parameters":[{"name":"size","in":"query","schema":{"type":"integer"}}]}}},
             "components":{"schemas":{"Subscribe":{"type":"object","properties":{
                "serviceId":{"type":"string","format":"uuid"},"planId":{"type":"string","example":"standard"},
                "parameters":{"type":"object"}}}}}}
            """;

    private final OpenApi document = OpenApi.parse(DOCUMENT);
    private final BadRequests generator = new BadRequests(document, (path, name) -> "14713000");

    @Test
    void theDocumentsOperationsWithTheirParametersAndResolvedBodies() {
        List<OpenApi.Operation> operations = document.operations();

        assertThat(operations).extracting(OpenApi.Operation::method).containsExactlyInAnyOrder("POST", "GET");
        OpenApi.Operation post = operations.stream().filter(o -> o.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.in("path")).extracting(OpenApi.Parameter::name).containsExactly("ags");
        assertThat(post.in("header")).extracting(OpenApi.Parameter::name).containsExactly("Idempotency-Key");
        assertThat(post.bodySchema().path("properties").has("planId")).isTrue();
    }

    @Test
    void eachRequestIsBadInOneWayAndOtherwiseValid() {
        OpenApi.Operation post = document.operations().stream().filter(o -> o.method().equals("POST")).findFirst()
                .orElseThrow();
        List<FuzzRequest> requests = generator.of(post);

        assertThat(requests).anySatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/tenants/not-an-id/subscriptions"));
        assertThat(requests).filteredOn(r -> r.flaw().startsWith("field planId missing")).singleElement()
                .satisfies(r -> assertThat(body(r)).contains("\"serviceId\":\"0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b\"")
                        .contains("\"parameters\":{}").doesNotContain("planId")
                        .isNotNull());
        assertThat(requests).filteredOn(r -> r.flaw().equals("field serviceId of the wrong type")).singleElement()
                .satisfies(r -> assertThat(body(r)).contains("\"serviceId\":{\"not\":\"a string\"}"));
        assertThat(requests).anySatisfy(r -> assertThat(r.flaw()).isEqualTo("an unknown field"));
        assertThat(requests).anySatisfy(r -> assertThat(r.contentType()).isEqualTo("text/plain"));
        assertThat(requests).anySatisfy(r -> assertThat(r.headers()).containsKey("Idempotency-Key"));
        assertThat(requests).allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
    }

    @Test
    void queryParametersGetValuesOfTheWrongTypeAndRange() {
        OpenApi.Operation get = document.operations().stream().filter(o -> o.method().equals("GET")).findFirst()
                .orElseThrow();

        assertThat(generator.of(get)).extracting(FuzzRequest::path)
                .contains("/api/v1/tenants/14713000/subscriptions?size=abc",
                        "/api/v1/tenants/14713000/subscriptions?size=101",
                        "/api/v1/tenants/14713000/subscriptions?size=-1");
    }

    private static String body(FuzzRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }
}
