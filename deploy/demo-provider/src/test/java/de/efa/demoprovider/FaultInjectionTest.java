package de.efa.demoprovider;

import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static de.efa.demoprovider.BrokerCalls.BROKER;
import static de.efa.demoprovider.BrokerCalls.MARKETPLACE;
import static de.efa.demoprovider.BrokerCalls.asMarketplace;
import static de.efa.demoprovider.BrokerCalls.awaitEnd;
import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.fetch;
import static de.efa.demoprovider.BrokerCalls.lastOperation;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static de.efa.demoprovider.BrokerCalls.planChange;
import static de.efa.demoprovider.BrokerCalls.provision;
import static de.efa.demoprovider.BrokerCalls.provisioned;
import static de.efa.demoprovider.BrokerCalls.suspension;
import static de.efa.demoprovider.BrokerCalls.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** Injected 500s, slow answers and failing updates, switched at run time by an operator. */
@QuarkusTest
class FaultInjectionTest {

    private static final String SERVICE = "3a9d7e1c-5b2f-4c8a-9e6d-1f0a2b3c4d5e";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void configuredBehaviour() {
        BrokerCalls.behaveAsConfigured();
    }

    /** Provisioned with quick operations and no faults; the test then sets the behaviour it needs. */
    private static String provisionedQuickly() {
        BrokerCalls.behaveQuickly();
        return provisioned(SERVICE, "standard");
    }

    @Test
    void anInjectedErrorIsA500BeforeAnythingChanges() {
        BrokerCalls.behave(1.0, 0.0, 0, 200);
        String id = newInstanceId();

        provision(id, body("s", "standard", "14713000"))
                .statusCode(500)
                .contentType(ContentType.JSON)
                .body("error", equalTo("InjectedFault"))
                .body("description", containsString("nothing was changed"));
        asMarketplace().when().get(BROKER + "/catalog").then().statusCode(500);

        assertThat(new Rows(dataSource).instanceState(id)).isEmpty();
        BrokerCalls.behave(0.0, 0.0, 0, 200);
        provision(id, body("s", "standard", "14713000")).statusCode(202);
    }

    @Test
    void injectedErrorsHitUpdatesAndFetchesTooAndChangeNothing() {
        String id = provisionedQuickly();
        BrokerCalls.behave(1.0, 0.0, 0, 200);

        update(id, planChange(SERVICE, "standard", "premium", Map.of())).statusCode(500)
                .body("error", equalTo("InjectedFault"));
        update(id, suspension(SERVICE, "standard", true)).statusCode(500);
        fetch(id).statusCode(500).body("error", equalTo("InjectedFault"));

        Rows rows = new Rows(dataSource);
        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.suspendedOf(id)).contains("false");
        assertThat(rows.operationsOf(id)).isEqualTo(1);
    }

    @Test
    void aSlowUpdateIsAnsweredAfterTheDelayAndStillServed() {
        String id = provisionedQuickly();
        BrokerCalls.behave(0.0, 1.0, 600, 200);

        long started = System.nanoTime();
        update(id, planChange(SERVICE, "standard", "premium", Map.of())).statusCode(202);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void failingUpdatesThatLeaveTheInstanceUnusableKeepItsPlanUntilAnotherUpdateRepairsIt() {
        String id = provisionedQuickly();
        BrokerCalls.behaveWithFailingUpdates(SERVICE, false);

        String failed = update(id, planChange(SERVICE, "standard", "premium", Map.of("postfach", "neu@leipzig.de")))
                .statusCode(202).extract().path("operation");

        assertThat(awaitEnd(id, failed)).isEqualTo("failed");
        lastOperation(id, failed).statusCode(200)
                .body("instance_usable", equalTo(false))
                .body("description", containsString("on purpose"))
                .body("description", containsString("cannot be used until another update repairs it"));
        Rows rows = new Rows(dataSource);
        assertThat(rows.instanceState(id)).contains("UNUSABLE");
        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.parametersOf(id)).containsEntry("postfach", "buergeramt@leipzig.de");
        fetch(id).statusCode(200).body("plan_id", equalTo("standard"));

        BrokerCalls.behave(0.0, 0.0, 0, 200);
        String repair = update(id, Map.of("service_id", SERVICE)).statusCode(202).extract().path("operation");
        assertThat(awaitEnd(id, repair)).isEqualTo("succeeded");
        assertThat(rows.instanceState(id)).contains("PROVISIONED");
    }

    @Test
    void failingUpdatesThatLeaveTheInstanceUsableSaySoAndHitOnlyTheirService() {
        String id = provisionedQuickly();
        String other = provisioned("another-service", "standard");
        BrokerCalls.behaveWithFailingUpdates(SERVICE, true);

        String failed = update(id, planChange(SERVICE, "standard", "premium", Map.of())).statusCode(202)
                .extract().path("operation");
        String succeeded = update(other, planChange("another-service", "standard", "premium", Map.of()))
                .statusCode(202).extract().path("operation");

        assertThat(awaitEnd(id, failed)).isEqualTo("failed");
        lastOperation(id, failed).statusCode(200).body("instance_usable", equalTo(true));
        assertThat(awaitEnd(other, succeeded)).isEqualTo("succeeded");
        lastOperation(other, succeeded).statusCode(200).body("instance_usable", nullValue());
        Rows rows = new Rows(dataSource);
        assertThat(rows.instanceState(id)).contains("PROVISIONED");
        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.planOf(other)).contains("premium");
    }

    @Test
    void failingUpdatesWithoutAServiceHitEveryUpdateAndAResetEndsThem() {
        String id = provisionedQuickly();
        String operator = TestTokens.operator();
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("error_rate", 0, "slow_rate", 0, "slow_delay_ms", 0, "provisioning_time_ms", 200,
                        "failing_updates", Map.of("instance_usable", true)))
                .when().put("/admin/behaviour")
                .then().statusCode(200)
                .body("failing_updates.instance_usable", equalTo(true))
                .body("failing_updates.service_id", nullValue());

        assertThat(BrokerCalls.updateToTheEnd(id, planChange(SERVICE, "standard", "premium", Map.of())))
                .isEqualTo("failed");

        given().auth().oauth2(operator).when().delete("/admin/behaviour").then().statusCode(200)
                .body("failing_updates", nullValue());
        BrokerCalls.behave(0.0, 0.0, 0, 200);
        assertThat(BrokerCalls.updateToTheEnd(id, planChange(SERVICE, "standard", "premium", Map.of())))
                .isEqualTo("succeeded");
    }

    @Test
    void aSlowCallIsAnsweredAfterTheDelayAndStillServed() {
        BrokerCalls.behave(0.0, 1.0, 600, 200);

        long started = System.nanoTime();
        asMarketplace().when().get(BROKER + "/catalog").then().statusCode(200).body("services[0].name", equalTo("efa-demo-saas"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void faultsDoNotTouchAuthenticationOrTheVersionCheck() {
        BrokerCalls.behave(1.0, 0.0, 0, 200);

        given().header("X-Broker-API-Version", "2.17").when().get(BROKER + "/catalog").then().statusCode(401);
        given().auth().oauth2(MARKETPLACE).when().get(BROKER + "/catalog").then().statusCode(412);
    }

    @Test
    void injectedFaultsAreCounted() {
        BrokerCalls.behave(1.0, 0.0, 0, 200);
        asMarketplace().when().get(BROKER + "/catalog").then().statusCode(500);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("demo_provider_injected_faults_total{fault=\"error\"}"));
    }

    @Test
    void operatorsReadChangeAndResetTheBehaviour() {
        String operator = TestTokens.operator();
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("error_rate", 0.2, "slow_rate", 0.1, "slow_delay_ms", 2000, "provisioning_time_ms", 1500))
                .when().put("/admin/behaviour")
                .then().statusCode(200)
                .body("error_rate", equalTo(0.2f))
                .body("provisioning_time_ms", equalTo(1500));
        given().auth().oauth2(operator).when().get("/admin/behaviour").then().statusCode(200)
                .body("slow_rate", equalTo(0.1f))
                .body("slow_delay_ms", equalTo(2000));

        given().auth().oauth2(operator).when().delete("/admin/behaviour").then().statusCode(200)
                .body("error_rate", equalTo(0.0f))
                .body("provisioning_time_ms", equalTo(1000));
    }

    @Test
    void anInvalidBehaviourIsRefusedNamingEachFieldAndChangesNothing() {
        String operator = TestTokens.operator();
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("error_rate", 1.5, "slow_rate", -0.1, "slow_delay_ms", -1))
                .when().put("/admin/behaviour")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItems("provisioning_time_ms"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("error_rate", 1.5, "slow_rate", -0.1, "slow_delay_ms", -1, "provisioning_time_ms", 10))
                .when().put("/admin/behaviour")
                .then().statusCode(400)
                .body("violations.field", hasItems("error_rate", "slow_rate", "slow_delay_ms"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("error_rate", 0, "slow_rate", 0, "slow_delay_ms", 0, "provisioning_time_ms", 10,
                        "eror_rate", 1))
                .when().put("/admin/behaviour")
                .then().statusCode(400)
                .body("detail", containsString("eror_rate"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("error_rate", 2, "slow_rate", 0, "slow_delay_ms", 0, "provisioning_time_ms", 10,
                        "failing_updates", Map.of("service_id", "")))
                .when().put("/admin/behaviour")
                .then().statusCode(400)
                .body("violations.field", hasItems("error_rate", "failing_updates.service_id",
                        "failing_updates.instance_usable"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("error_rate", 0, "slow_rate", 0, "slow_delay_ms", 0, "provisioning_time_ms", 10,
                        "failing_updates", Map.of("instance_usable", false, "usable", true)))
                .when().put("/admin/behaviour")
                .then().statusCode(400)
                .body("detail", containsString("usable"));

        given().auth().oauth2(operator).when().get("/admin/behaviour").then().statusCode(200)
                .body("error_rate", equalTo(0.0f))
                .body("provisioning_time_ms", equalTo(1000))
                .body("failing_updates", nullValue());
    }

    @Test
    void onlyOperatorsMayChangeTheBehaviour() {
        Map<String, Object> chaos = Map.of("error_rate", 1.0, "slow_rate", 0, "slow_delay_ms", 0,
                "provisioning_time_ms", 10);
        given().contentType(ContentType.JSON).body(chaos).when().put("/admin/behaviour")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.marketplace()).contentType(ContentType.JSON).body(chaos)
                .when().put("/admin/behaviour")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.municipality("14713000")).when().get("/admin/behaviour").then().statusCode(403);

        given().auth().oauth2(TestTokens.operator()).when().get("/admin/behaviour").then().statusCode(200)
                .body("error_rate", equalTo(0.0f));
    }
}
