package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static de.efa.stack.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Bulk onboarding as an operator does it: the Gemeinden of a Landkreis imported from the Destatis file, one rollout
 * of a service to the Kreis that skips whoever cannot subscribe and survives the death of the services driving it,
 * and a bundler kept to its own clients. Each test has a Landkreis of its own, which no other test class touches.
 */
@ExtendWith(StackExtension.class)
class BulkOnboardingIT {

    private static final String HEADER = "ags,name,land_code,population,source_year\n";
    /** Landkreis Merzig-Wadern (Saarland), from the Destatis Gemeindeverzeichnis, Gebietsstand 30.11.2025. */
    private static final String MERZIG_WADERN = HEADER + """
            10042111,Beckingen,10,15442,2024
            10042112,Losheim am See,10,16535,2024
            10042113,"Merzig, Kreisstadt",10,31697,2024
            10042114,Mettlach,10,12621,2024
            10042115,Perl,10,9503,2024
            10042116,"Wadern, Stadt",10,16453,2024
            10042117,Weiskirchen,10,6528,2024
            """;
    /** Landkreis Jerichower Land (Sachsen-Anhalt), same source. */
    private static final String JERICHOWER_LAND = HEADER + """
            15086005,Biederitz,15,8508,2024
            15086015,"Burg, Stadt",15,22585,2024
            15086035,Elbe-Parey,15,6362,2024
            15086040,"Genthin, Stadt",15,13416,2024
            15086055,"Gommern, Stadt",15,10090,2024
            15086080,"Jerichow, Stadt",15,6571,2024
            15086140,"Möckern, Stadt",15,12591,2024
            15086145,Möser,15,8386,2024
            """;
    /** Landkreis St. Wendel (Saarland), same source. */
    private static final String ST_WENDEL = HEADER + """
            10046111,Freisen,10,7760,2024
            10046112,Marpingen,10,10041,2024
            10046113,Namborn,10,6750,2024
            10046114,Nohfelden,10,9668,2024
            10046115,Nonnweiler,10,8393,2024
            10046116,Oberthal,10,5932,2024
            10046117,"St. Wendel, Kreisstadt",10,25863,2024
            10046118,Tholey,10,12116,2024
            """;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static Stack stack;
    private static Accounts accounts;

    @BeforeAll
    static void providers(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
        Providers.registered(stack, accounts);
    }

    @Test
    void importingTheSameFileTwiceCreatesNothingTheSecondTime() {
        String withABadLine = MERZIG_WADERN + "1004211,Ohne achte Ziffer,10,100,2024\n";

        importing(withABadLine).then().statusCode(200)
                .body("created", equalTo(7)).body("existing", equalTo(0))
                .body("rejected", hasSize(1)).body("rejected[0].line", equalTo(9));
        importing(withABadLine).then().statusCode(200)
                .body("created", equalTo(0)).body("existing", equalTo(7)).body("rejected", hasSize(1));

        as(stack, Service.TENANT, operator()).get("/api/v1/tenants/10042113").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("name", equalTo("Merzig, Kreisstadt"))
                .body("population", equalTo(31697)).body("land.name", equalTo("Saarland"));
    }

    @Test
    void aRolloutOverAKreisSkipsTheTenantsThatCannotSubscribeWithTheirReasons() {
        importing(JERICHOWER_LAND).then().statusCode(200).body("created", equalTo(8));
        String serviceId = Providers.publishedByAkdb(stack, accounts, "kreis");
        as(stack, Service.TENANT, operator()).post("/api/v1/tenants/15086015/suspend").then().statusCode(200);
        await().atMost(PATIENCE).until(() -> as(stack, Service.TENANT, operator())
                .body(subscription(serviceId)).post("/api/v1/tenants/15086140/subscriptions").statusCode() == 202);

        String rollout = started(Map.of("serviceId", serviceId, "planId", "standard",
                "parameters", Map.of("zustaendigeStelle", "Fahrerlaubnisbehörde des Landkreises"),
                "select", Map.of("kreis", "15086")));

        JsonPath done = awaitDone(rollout);
        assertThat(done.getMap("counts")).containsEntry("selected", 8).containsEntry("active", 6)
                .containsEntry("skipped", 2).containsEntry("failed", 0);
        JsonPath skipped = as(stack, Service.TENANT, operator()).queryParam("status", "SKIPPED")
                .get("/api/v1/rollouts/" + rollout + "/items").then().statusCode(200).extract().jsonPath();
        assertThat(skipped.getList("items.ags", String.class)).containsExactly("15086015", "15086140");
        assertThat(skipped.getList("items.reason", String.class)).allSatisfy(reason -> assertThat(reason).isNotBlank());
        JsonPath active = as(stack, Service.TENANT, operator()).queryParam("status", "ACTIVE")
                .get("/api/v1/rollouts/" + rollout + "/items").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> item : active.<Map<String, Object>>getList("items")) {
            assertThat(instancesAtProvider((String) item.get("ags"), serviceId)).as("instances of %s", item.get("ags"))
                    .containsExactly((String) item.get("subscriptionId"));
        }
    }

    @Test
    void aRolloutSurvivesTheDeathOfTheServicesDrivingIt() {
        importing(ST_WENDEL).then().statusCode(200).body("created", equalTo(8));
        String serviceId = Providers.publishedByAkdb(stack, accounts, "sterben");
        await().atMost(PATIENCE).until(() -> as(stack, Service.TENANT, operator())
                .body(Map.of("serviceId", serviceId, "planId", "standard", "parameters", Map.of()))
                .post("/api/v1/tenants/10046111/subscriptions").statusCode() == 422);

        String rollout = started(Map.of("serviceId", serviceId, "planId", "standard",
                "parameters", Map.of("zustaendigeStelle", "Fahrerlaubnisbehörde des Landkreises"),
                "select", Map.of("kreis", "10046")));
        await().atMost(PATIENCE).until(() -> rolloutOf(rollout).getInt("counts.subscribed") > 0);
        stack.kill(Service.MARKETPLACE);
        stack.kill(Service.TENANT);
        stack.restart(Service.TENANT, Service.MARKETPLACE);

        JsonPath done = awaitDone(rollout);
        assertThat(done.getMap("counts")).containsEntry("selected", 8).containsEntry("active", 8);
        JsonPath items = as(stack, Service.TENANT, operator()).get("/api/v1/rollouts/" + rollout + "/items")
                .then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> item : items.<Map<String, Object>>getList("items")) {
            assertThat(instancesAtProvider((String) item.get("ags"), serviceId)).as("instances of %s", item.get("ags"))
                    .containsExactly((String) item.get("subscriptionId"));
        }
    }

    @Test
    void aBundlersRolloutOutsideItsClientsIsRefused() {
        importing(HEADER + "10045113,Gersheim,10,6232,2024\n").then().statusCode(200);
        Bundlers.kisaRegistered(stack, accounts);
        String serviceId = Providers.publishedByAkdb(stack, accounts, "buendler");
        Map<String, Object> rollout = Map.of("serviceId", serviceId, "planId", "standard",
                "parameters", Map.of("zustaendigeStelle", "Fahrerlaubnisbehörde"));

        for (Map<String, Object> select : List.of(Map.<String, Object>of("ags", List.of("10045113")),
                Map.<String, Object>of("all", true))) {
            Map<String, Object> body = new HashMap<>(rollout);
            body.put("select", select);
            as(stack, Service.TENANT, accounts.user("kisa")).body(body).post("/api/v1/rollouts")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        as(stack, Service.TENANT, operator()).get("/api/v1/tenants/10045113/subscriptions").then().statusCode(200)
                .body("items.findAll { it.serviceId == '" + serviceId + "' }", hasSize(0));
    }

    private static Response importing(String csv) {
        return as(stack, Service.TENANT, operator()).contentType("text/csv").body(csv).post("/api/v1/tenants/import");
    }

    private static String started(Map<String, Object> rollout) {
        return as(stack, Service.TENANT, operator()).body(rollout).post("/api/v1/rollouts")
                .then().statusCode(202).body("status", equalTo("RUNNING")).extract().path("id");
    }

    private static JsonPath rolloutOf(String id) {
        return as(stack, Service.TENANT, operator()).get("/api/v1/rollouts/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath awaitDone(String id) {
        await().atMost(PATIENCE).until(() -> "DONE".equals(rolloutOf(id).getString("status")));
        return rolloutOf(id);
    }

    private static Map<String, Object> subscription(String serviceId) {
        return Map.of("serviceId", serviceId, "planId", "standard",
                "parameters", Map.of("zustaendigeStelle", "Fahrerlaubnisbehörde der Stadt Möckern"));
    }

    /** The instance ids the demo provider holds for one municipality and service. */
    private static List<String> instancesAtProvider(String ags, String serviceId) {
        return as(stack, Service.DEMO_PROVIDER, accounts.client("marketplace-service"))
                .queryParam("ags", ags).queryParam("service_id", serviceId).queryParam("size", 100)
                .get("/instances").then().statusCode(200).extract().jsonPath()
                .getList("items.instance_id", String.class);
    }

    private static String operator() {
        return accounts.user("operator");
    }
}
