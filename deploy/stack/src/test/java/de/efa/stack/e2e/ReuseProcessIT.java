package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static de.efa.stack.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The EfA reuse process through the public APIs, with real Keycloak tokens of the demo accounts: Köln registers
 * with its invoice address and gives the bundler KISA a mandate; KISA declares interest in a plan that is reused only
 * by offer and Nachnutzungsvertrag; the provider akdb answers from its inbox with an offer; KISA concludes, and the
 * demo provider's instance appears. Köln follows every step, each naming who acted.
 */
@ExtendWith(StackExtension.class)
class ReuseProcessIT {

    private static final String KOELN = "05315000";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Stack stack;
    private static Accounts accounts;

    @BeforeAll
    static void providersAreRegistered(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
        Providers.registered(stack, accounts);
    }

    @Test
    void anInterestDeclaredByTheBundlerIsOfferedConcludedAndProvisioned() {
        String serviceId = as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .body(ServiceFixture.withInterestPlan("bauantrag-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/services").then().statusCode(201)
                .body("plans[0].contract.model", equalTo("INTEREST"))
                .extract().path("id");
        as(stack, Service.CATALOG, accounts.client("provider-akdb")).post("/api/v1/services/" + serviceId + "/publish")
                .then().statusCode(200);

        as(stack, Service.TENANT, accounts.user("koeln"))
                .body(Map.of("ags", KOELN, "name", "Köln, Stadt", "kind", "KREISFREIE_STADT", "population", 1024621,
                        "contactEmail", "onlinedienste@koeln.example", "ars", "053150000000",
                        "leitwegId", "05315000-KOELN-57"))
                .post("/api/v1/tenants").then().statusCode(201).body("leitwegId", equalTo("05315000-KOELN-57"));
        as(stack, Service.TENANT, accounts.user("operator")).post("/api/v1/tenants/" + KOELN + "/approve")
                .then().statusCode(200);
        Bundlers.kisaRegistered(stack, accounts);
        as(stack, Service.TENANT, accounts.user("koeln")).body(Map.of("bundlerId", "kisa"))
                .post("/api/v1/tenants/" + KOELN + "/mandates").then().statusCode(201);

        String subscriptions = "/api/v1/tenants/" + KOELN + "/subscriptions";
        Map<String, Object> interest = Map.of("serviceId", serviceId, "planId", "nachnutzung",
                "parameters", Map.of("zustaendigeStelle", "Bauaufsichtsamt der Stadt Köln"));
        await().atMost(PATIENCE).until(() -> as(stack, Service.TENANT, accounts.user("kisa")).body(interest)
                .post(subscriptions).statusCode() == 201);
        String id = as(stack, Service.TENANT, accounts.user("koeln")).get(subscriptions).then().statusCode(200)
                .extract().path("items.find { it.serviceId == '" + serviceId + "' }.id");

        await().atMost(PATIENCE).untilAsserted(() -> as(stack, Service.TENANT, accounts.client("provider-akdb"))
                .get("/api/v1/provider/interests?status=INTEREST_DECLARED&size=100").then().statusCode(200)
                .body("items.subscription.id", hasItem(id)));
        as(stack, Service.TENANT, accounts.client("provider-dataport"))
                .body(Map.of("conditions", Map.of("note", "Fremdes Angebot")))
                .post("/api/v1/provider/interests/" + id + "/offer").then().statusCode(403);
        as(stack, Service.TENANT, accounts.client("provider-akdb"))
                .body(Map.of("conditions", Map.of("setupFeeCents", 0, "startDate", nextMonth(),
                        "note", "Nachnutzung nach EfA-Mustervertrag, Einrichtung ohne Gebühr")))
                .post("/api/v1/provider/interests/" + id + "/offer").then().statusCode(200)
                .body("subscription.status", equalTo("OFFERED"));

        as(stack, Service.TENANT, accounts.user("operator"))
                .body(Map.of("acceptedTerms", Map.of("version", ServiceFixture.TERMS_VERSION)))
                .post(subscriptions + "/" + id + "/conclude").then().statusCode(403);
        as(stack, Service.TENANT, accounts.user("kisa"))
                .body(Map.of("acceptedTerms", Map.of("version", ServiceFixture.TERMS_VERSION)))
                .post(subscriptions + "/" + id + "/conclude").then().statusCode(202)
                .body("status", equalTo("REQUESTED"))
                .body("priceSnapshot.setupFeeCents", equalTo(0))
                .body("priceSnapshot.annualCents", equalTo(600000));

        await().atMost(PATIENCE).untilAsserted(() -> as(stack, Service.TENANT, accounts.user("koeln"))
                .get(subscriptions + "/" + id).then().statusCode(200).body("status", equalTo("ACTIVE")));
        JsonPath active = as(stack, Service.TENANT, accounts.user("koeln")).get(subscriptions + "/" + id)
                .then().extract().jsonPath();
        assertThat(active.getString("instance.dashboardUrl")).startsWith(stack.url(Service.DEMO_PROVIDER));
        assertThat(active.getString("contract.acceptedBy")).isEqualTo("bundler kisa");
        assertThat(active.getList("history.status", String.class))
                .containsExactly("INTEREST_DECLARED", "OFFERED", "REQUESTED", "PROVISIONING", "ACTIVE");
        assertThat(active.getList("history.detail", String.class)).startsWith(
                "Interest declared by bundler kisa",
                "Offered by provider akdb: Nachnutzung nach EfA-Mustervertrag, Einrichtung ohne Gebühr",
                "Concluded by bundler kisa");
    }

    /** An offer may not begin before today in Germany: this one begins a month from the day the test runs. */
    private static String nextMonth() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).plusMonths(1).toString();
    }
}
