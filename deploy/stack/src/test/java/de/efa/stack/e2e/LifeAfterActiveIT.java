package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.stack.e2e.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A subscription's life after ACTIVE through the public APIs with real Keycloak tokens: the operator acts for
 * Potsdam, changes its plan (the demo provider's instance follows), tries a plan the provider fails (the old plan
 * stays), suspends Potsdam (the instance's dashboard is locked) and reactivates it, loads a new population (the
 * price follows), and finds the instance an outsider deleted at the provider. Each action is in the audit trail
 * with its actor; a municipality may not read the trail.
 */
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifeAfterActiveIT {

    private static final String POTSDAM = "12054000";
    private static final String SUBSCRIPTIONS = "/api/v1/tenants/" + POTSDAM + "/subscriptions";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Stack stack;
    private static Accounts accounts;
    private static String serviceId;
    private static String id;

    @BeforeAll
    static void potsdamHasAnActiveSubscriptionOfAnUpdatableService(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
        Providers.registered(stack, accounts);
        serviceId = as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .body(ServiceFixture.updatable("wechsel-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/services").then().statusCode(201).extract().path("id");
        as(stack, Service.CATALOG, accounts.client("provider-akdb")).post("/api/v1/services/" + serviceId + "/publish")
                .then().statusCode(200);
        as(stack, Service.TENANT, operator())
                .body(Map.of("ags", POTSDAM, "name", "Potsdam, Stadt", "kind", "KREISFREIE_STADT",
                        "population", 184754, "contactEmail", "onlinedienste@potsdam.example"))
                .post("/api/v1/tenants").then().statusCode(201);
        as(stack, Service.TENANT, operator()).post("/api/v1/tenants/" + POTSDAM + "/approve").then().statusCode(200);

        Map<String, Object> subscribe = Map.of("serviceId", serviceId, "planId", "standard",
                "parameters", Map.of("zustaendigeStelle", "Bürgerservice Potsdam"));
        await().atMost(PATIENCE).until(() -> as(stack, Service.TENANT, operator()).body(subscribe)
                .post(SUBSCRIPTIONS).statusCode() == 202);
        id = as(stack, Service.TENANT, operator()).get(SUBSCRIPTIONS).then().statusCode(200)
                .extract().path("items.find { it.serviceId == '" + serviceId + "' }.id");
        statusBecomes("ACTIVE");
    }

    @Test
    @Order(1)
    void aPlanChangeReachesTheProvidersInstance() {
        long annualBefore = subscription().getLong("priceSnapshot.annualCents");
        patch(Map.of("planId", "komfort")).then().statusCode(202).body("status", equalTo("UPDATE_REQUESTED"));

        JsonPath active = statusBecomes("ACTIVE");
        assertThat(active.getString("planId")).isEqualTo("komfort");
        assertThat(active.getLong("priceSnapshot.annualCents")).isGreaterThan(annualBefore);
        assertThat(active.getList("history.status", String.class)).contains("UPDATE_REQUESTED", "UPDATING");
        assertThat(instanceAtProvider().get("plan_id")).isEqualTo("komfort");
    }

    @Test
    @Order(2)
    void anUpdateTheProviderFailsKeepsTheOldPlan() {
        patch(Map.of("planId", "komfort-fails")).then().statusCode(202);

        JsonPath back = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(LifeAfterActiveIT::subscription, json -> json.get("lastUpdateFailure") != null);
        assertThat(back.getString("status")).isEqualTo("ACTIVE");
        assertThat(back.getString("planId")).isEqualTo("komfort");
        assertThat(back.getString("lastUpdateFailure.reason")).isNotBlank();
        assertThat(instanceAtProvider().get("plan_id")).isEqualTo("komfort");
    }

    @Test
    @Order(3)
    void aSuspendedTenantsInstanceIsLockedAtTheProviderAndUnlockedAfterReactivation() {
        as(stack, Service.TENANT, operator()).post("/api/v1/tenants/" + POTSDAM + "/suspend").then().statusCode(200);
        String dashboard = statusBecomes("SUSPENDED").getString("instance.dashboardUrl");
        assertThat(instanceAtProvider().get("suspended")).isEqualTo(true);
        given().accept("text/html").get(dashboard).then().statusCode(423)
                .body(containsString("vorübergehend gesperrt"));

        as(stack, Service.TENANT, operator()).post("/api/v1/tenants/" + POTSDAM + "/reactivate").then()
                .statusCode(200);
        statusBecomes("ACTIVE");
        assertThat(instanceAtProvider().get("suspended")).isEqualTo(false);
        given().accept("text/html").get(dashboard).then().statusCode(200);
    }

    @Test
    @Order(4)
    void aNewPopulationChangesThePrice() {
        long annualBefore = subscription().getLong("priceSnapshot.annualCents");
        as(stack, Service.TENANT, operator()).contentType("text/csv")
                .body("ags,name,land_code,population,source_year\n"
                        + POTSDAM + ",\"Potsdam, Stadt\",12,300000,2025\n")
                .post("/api/v1/tenants/population").then().statusCode(200).body("updated", equalTo(1));

        JsonPath repriced = subscription();
        assertThat(repriced.getLong("priceSnapshot.annualCents")).isGreaterThan(annualBefore);
        assertThat(repriced.getList("history.detail", String.class)).anyMatch(detail -> detail.contains("300000")
                || detail.contains("300.000") || detail.contains("300,000"));
    }

    @Test
    @Order(5)
    void anInstanceDeletedBehindTheMarketplacesBackIsFoundByReconciliation() {
        as(stack, Service.DEMO_PROVIDER, operator()).delete("/instances/" + id).then().statusCode(204);

        as(stack, Service.MARKETPLACE, operator()).post("/api/v1/provisioning/reconciliations").then().statusCode(202);
        await().atMost(PATIENCE).untilAsserted(() -> as(stack, Service.MARKETPLACE, operator())
                .queryParam("kind", "MISSING_AT_PROVIDER").queryParam("resolved", false).queryParam("size", 100)
                .get("/api/v1/provisioning/findings").then().statusCode(200)
                .body("items.subscriptionId", hasItem(id)));
    }

    @Test
    @Order(6)
    void everyStepIsInTheAuditTrailsWithItsActor() {
        JsonPath tenantTrail = as(stack, Service.TENANT, operator()).queryParam("target", "subscription:" + id)
                .queryParam("size", 100).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(tenantTrail.getList("items.action", String.class)).contains("subscription.create",
                "subscription.update", "subscription.apply-result", "subscription.suspend", "subscription.resume",
                "subscription.reprice");
        assertThat(tenantTrail.getList("items.findAll { it.action == 'subscription.update' }.actorRole", String.class))
                .hasSize(2).containsOnly("operator");
        assertThat(tenantTrail.getList("items.findAll { it.action == 'subscription.update' }.onBehalfOf",
                String.class)).containsOnly("tenant:" + POTSDAM);

        JsonPath marketplaceTrail = as(stack, Service.MARKETPLACE, operator()).queryParam("target", "reconciliation")
                .queryParam("size", 100).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(marketplaceTrail.getList("items.actorRole", String.class)).contains("operator");
        as(stack, Service.TENANT, accounts.user("halle")).get("/api/v1/audit").then().statusCode(403);
    }

    private static JsonPath subscription() {
        return as(stack, Service.TENANT, operator()).get(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Response patch(Map<String, Object> change) {
        String etag = as(stack, Service.TENANT, operator()).get(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .extract().header("ETag");
        return as(stack, Service.TENANT, operator()).header("If-Match", etag).body(change)
                .patch(SUBSCRIPTIONS + "/" + id);
    }

    private static JsonPath statusBecomes(String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(LifeAfterActiveIT::subscription, json -> status.equals(json.getString("status")));
    }

    /** The demo provider's own record of Potsdam's instance: exactly one, whatever the marketplace believes. */
    private static Map<String, Object> instanceAtProvider() {
        List<Map<String, Object>> instances = as(stack, Service.DEMO_PROVIDER, accounts.client("marketplace-service"))
                .queryParam("ags", POTSDAM).queryParam("size", 100).get("/instances")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.instance_id == '" + id + "' }");
        assertThat(instances).hasSize(1);
        return instances.get(0);
    }

    private static String operator() {
        return accounts.user("operator");
    }
}
