package de.efa.demoprovider;

import de.efa.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The calls a platform makes to the broker, as the tests need them; each test works on fresh instance ids. */
final class BrokerCalls {

    static final String VERSION = "2.17";
    /** The broker the tests call, unless they compare brokers: akdb's. */
    static final Broker AKDB = new Broker("akdb");
    /** Another provider's broker, at the same demo provider. */
    static final Broker DATAPORT = new Broker("dataport");
    /** The provider whose broker the tests call, and the path of that broker. */
    static final String PROVIDER = AKDB.provider();
    static final String BROKER = AKDB.path();
    /** The marketplace's token for that broker. */
    static final String MARKETPLACE = AKDB.token();

    private BrokerCalls() {
    }

    static String newInstanceId() {
        return UUID.randomUUID().toString();
    }

    /** A request as the marketplace sends it (docs/services.md, "Provisioning"). */
    static Map<String, Object> body(String serviceId, String planId, String ags) {
        return Map.of(
                "service_id", serviceId,
                "plan_id", planId,
                "context", context(ags),
                "parameters", Map.of("postfach", "buergeramt@leipzig.de", "gebuehrCents", 2500));
    }

    /** The context the marketplace sends with every request for a tenant's instance. */
    static Map<String, Object> context(String ags) {
        return Map.of("platform", "efa-marketplace", "ags", ags, "tenant_name", "Leipzig, Stadt",
                "land", ags.substring(0, 2));
    }

    /** A plan change with a new configuration, as the marketplace sends it (docs/services.md, "Updates"). */
    static Map<String, Object> planChange(String serviceId, String fromPlan, String toPlan, Map<String, Object> parameters) {
        return Map.of(
                "service_id", serviceId,
                "plan_id", toPlan,
                "parameters", parameters,
                "context", context("14713000"),
                "previous_values", Map.of("plan_id", fromPlan));
    }

    /** A context update that locks or unlocks the instance and changes nothing else. */
    static Map<String, Object> suspension(String serviceId, String planId, boolean suspended) {
        Map<String, Object> context = new HashMap<>(context("14713000"));
        context.put("suspended", suspended);
        return Map.of("service_id", serviceId, "plan_id", planId, "context", context);
    }

    static RequestSpecification asMarketplace() {
        return AKDB.asMarketplace();
    }

    static ValidatableResponse provision(String instanceId, Object body) {
        return AKDB.provision(instanceId, body);
    }

    static ValidatableResponse update(String instanceId, Object body) {
        return AKDB.update(instanceId, body);
    }

    static ValidatableResponse fetch(String instanceId) {
        return AKDB.fetch(instanceId);
    }

    /** A provisioned instance of {@link #body}, for tests of what follows provisioning. */
    static String provisioned(String serviceId, String planId) {
        String id = newInstanceId();
        String operation = provision(id, body(serviceId, planId, "14713000")).statusCode(202)
                .extract().path("operation");
        assertThat(awaitEnd(id, operation)).isEqualTo("succeeded");
        return id;
    }

    /** Runs an update that changes something to its end; returns the final state of its operation. */
    static String updateToTheEnd(String instanceId, Object body) {
        return awaitEnd(instanceId, update(instanceId, body).statusCode(202).extract().path("operation"));
    }

    static ValidatableResponse lastOperation(String instanceId, String operation) {
        return AKDB.lastOperation(instanceId, operation);
    }

    static ValidatableResponse deprovision(String instanceId) {
        return AKDB.deprovision(instanceId);
    }

    /** Polls like a platform until the operation has ended; returns its final state. */
    static String awaitEnd(String instanceId, String operation) {
        return AKDB.awaitEnd(instanceId, operation);
    }

    /** Sets the provider's behaviour for the next calls (operator endpoint). */
    static void behave(double errorRate, double slowRate, long slowDelayMs, long provisioningTimeMs) {
        behave(Map.of("error_rate", errorRate, "slow_rate", slowRate, "slow_delay_ms", slowDelayMs,
                "provisioning_time_ms", provisioningTimeMs));
    }

    /** Quick operations, and the updates of one service's instances fail, leaving them usable or not. */
    static void behaveWithFailingUpdates(String serviceId, boolean instanceUsable) {
        behave(Map.of("error_rate", 0.0, "slow_rate", 0.0, "slow_delay_ms", 0, "provisioning_time_ms", 200,
                "failing_updates", Map.of("service_id", serviceId, "instance_usable", instanceUsable)));
    }

    private static void behave(Map<String, Object> behaviour) {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(behaviour)
                .when().put("/admin/behaviour")
                .then().statusCode(200);
    }

    /** Operations end quickly, no faults: what most tests want. */
    static void behaveQuickly() {
        behave(0.0, 0.0, 0, 200);
    }

    /** Operations run for an hour, so that a test sees them in progress for sure. */
    static void behaveSlowlyProvisioning() {
        behave(0.0, 0.0, 0, 3_600_000);
    }

    static void behaveAsConfigured() {
        given().auth().oauth2(TestTokens.operator()).when().delete("/admin/behaviour").then().statusCode(200);
    }
}
