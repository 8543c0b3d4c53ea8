package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.stream.Stream;

import static de.efa.stack.e2e.Api.anonymous;
import static de.efa.stack.e2e.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The HTTP conventions of docs/http.md hold alike in all three services, as the processes of the stack answer it. */
@ExtendWith(StackExtension.class)
class HttpConventionsIT {

    private static Stack stack;
    private static Accounts accounts;

    @BeforeAll
    static void stack(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
    }

    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(
                Arguments.of(Service.CATALOG, "/api/v1/services/00000000-0000-0000-0000-000000000000/publish", "koeln"),
                Arguments.of(Service.TENANT, "/api/v1/tenants", "koeln"),
                Arguments.of(Service.MARKETPLACE, "/api/v1/provisioning/stats", "koeln"));
    }

    @ParameterizedTest
    @MethodSource("protectedEndpoints")
    void withoutATokenIs401AndWithTheWrongRole403AsProblems(Service service, String path, String user) {
        boolean post = path.endsWith("/publish");
        var anonymousCall = anonymous(stack, service);
        (post ? anonymousCall.post(path) : anonymousCall.get(path)).then()
                .statusCode(401).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401)).body("type", notNullValue()).body("title", notNullValue())
                .body("detail", notNullValue());
        var wrongRole = as(stack, service, accounts.user(user));
        (post ? wrongRole.post(path) : wrongRole.get(path)).then()
                .statusCode(403).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403)).body("type", notNullValue()).body("detail", notNullValue());
    }

    static Stream<Arguments> creations() {
        return Stream.of(
                Arguments.of(Service.CATALOG, "/api/v1/providers", "operator"),
                Arguments.of(Service.TENANT, "/api/v1/tenants", "operator"));
    }

    @ParameterizedTest
    @MethodSource("creations")
    void anUnknownFieldIsA400ProblemNamingIt(Service service, String path, String user) {
        as(stack, service, accounts.user(user)).body(Map.of("surprise", true)).post(path).then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("violations.field", hasItem("surprise"));
    }

    @ParameterizedTest
    @EnumSource(value = Service.class, names = {"CATALOG", "TENANT", "MARKETPLACE"})
    void eachServiceIsReadyAndDescribesItsApi(Service service) {
        anonymous(stack, service).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        anonymous(stack, service).accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("EfA Marketplace"));
        anonymous(stack, service).get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        anonymous(stack, service).get("/api/v1/nowhere").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
