package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import de.efa.tenant.support.OnboardingTopics;
import de.efa.tenant.support.Subscriptions;
import de.efa.tenant.support.TestAgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static de.efa.tenant.support.Subscriptions.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** POST /tenants/population: new populations for the tenants, new prices for their per-inhabitant subscriptions. */
@QuarkusTest
class PopulationTest {

    private static final String HEADER = "ags,name,land_code,population,source_year\n";
    private static final String POPULATION = "/api/v1/tenants/population";

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Db db;
    CatalogTopic catalog;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
    }

    @Test
    void onlyAnOperatorSendsPopulationsAndOnlyAsCsv() {
        String csv = HEADER + "16999998,Nirgendwo,16,1,2024\n";
        given().contentType("text/csv").body(csv).post(POPULATION).then().statusCode(401)
                .contentType("application/problem+json");
        for (String token : List.of(TestTokens.municipality("14713000"), TestTokens.provider("akdb"),
                TestTokens.bundler("kisa"), TestTokens.withoutRole())) {
            given().auth().oauth2(token).contentType("text/csv").body(csv).post(POPULATION).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.asOperator().body(Map.of("ags", "16999998")).post(POPULATION).then().statusCode(415)
                .contentType("application/problem+json");
        send(csv).statusCode(200).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("unknownAgs", equalTo(List.of("16999998")));
    }

    /**
     * A subscription priced while a population load runs is priced with the new population: the subscribe waits for
     * the load's lock on the tenant, instead of inserting a price the load does not see and so never corrects.
     */
    @Test
    void aSubscriptionPricedWhileAPopulationLoadRunsGetsTheNewPopulation() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh("16"), 10_000);
        UUID service = catalog.publishedService();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection load = dataSource.getConnection()) {
            load.setAutoCommit(false);
            // What a population load holds from its first statement to its commit.
            try (PreparedStatement lock = load.prepareStatement(
                    "SELECT population FROM tenant WHERE ags = ? FOR NO KEY UPDATE")) {
                lock.setString(1, ags);
                lock.executeQuery().close();
            }
            Future<String> subscribed = caller.submit(() -> Subscriptions.requested(ags, service));
            Thread.sleep(1_000);
            assertThat(subscribed).isNotDone();
            try (PreparedStatement update = load.prepareStatement(
                    "UPDATE tenant SET population = 20000, version = version + 1 WHERE ags = ?")) {
                update.setString(1, ags);
                update.executeUpdate();
            }
            load.commit();

            String id = subscribed.get(30, TimeUnit.SECONDS);
            Api.asOperator().get(path(ags, id)).then().statusCode(200)
                    .body("priceSnapshot.population", equalTo(20_000));
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void aNewPopulationRepricesPerInhabitantSubscriptionsWithTheirOwnRates() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh("16"), 10_000);
        String same = Api.activeTenant(TestAgs.fresh("16"), 500);
        UUID service = catalog.publishedService();
        String perInhabitant = Subscriptions.requested(ags, service);
        String flat = Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId",
                catalog.publishedService().toString(), "planId", "basic")).statusCode(202).extract().path("id");
        String interest = interest(ags);
        String offered = interest(ags);
        Api.as(TestTokens.provider("akdb")).body(Map.of("conditions", Map.of("annualCents", 150_000,
                "note", "Pauschal"))).post("/api/v1/provider/interests/" + offered + "/offer").then().statusCode(200);
        catalog.publishDearer(service, 2);
        String tenantEtag = Api.asOperator().get("/api/v1/tenants/" + ags).then().extract().header("ETag");
        String subscriptionEtag = Subscriptions.etag(ags, perInhabitant);

        send(HEADER + ags + ",\"Testgemeinde, Stadt\",16,12000,2024\n"
                + same + ",Gleich,16,500,2024\n"
                + "16999999,Unbekannt,16,7,2024\n")
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("unknownAgs", equalTo(List.of("16999999")));

        String newTenantEtag = Api.asOperator().get("/api/v1/tenants/" + ags).then().body("population", equalTo(12_000))
                .extract().header("ETag");
        assertThat(newTenantEtag).isNotEqualTo(tenantEtag);
        Api.asOperator().get(path(ags, perInhabitant)).then()
                .body("status", equalTo("REQUESTED"))
                .body("priceSnapshot.annualCents", equalTo(120_000 + 12_000 * 2))
                .body("priceSnapshot.annualPerInhabitantCents", equalTo(2))
                .body("priceSnapshot.population", equalTo(12_000))
                .body("history[-1].status", equalTo("REQUESTED"))
                .body("history[-1].detail", equalTo("Population 10000 → 12000 (loaded by operator operator): "
                        + "500.00 € setup fee, 1,400.00 € a year → 500.00 € setup fee, 1,440.00 € a year"));
        assertThat(Subscriptions.etag(ags, perInhabitant)).isNotEqualTo(subscriptionEtag);
        Api.asOperator().get(path(ags, flat)).then().body("priceSnapshot.annualCents", equalTo(10_000))
                .body("priceSnapshot.population", equalTo(10_000)).body("history", hasSize(1));
        Api.asOperator().get(path(ags, interest)).then().body("priceSnapshot.annualCents", equalTo(200_000 + 12_000));
        Api.asOperator().get(path(ags, offered)).then().body("priceSnapshot.annualCents", equalTo(150_000))
                .body("history", hasSize(2));

        send(HEADER + ags + ",Testgemeinde,16,12000,2024\n" + same + ",Gleich,16,500,2024\n").statusCode(200)
                .body("updated", equalTo(0)).body("unchanged", equalTo(2));
        Api.asOperator().get(path(ags, perInhabitant)).then().body("history", hasSize(2));
    }

    @Test
    void aMalformedFileChangesNothingAndNamesEveryBadLine() {
        String ags = Api.activeTenant(TestAgs.fresh("16"), 10_000);
        String id = Subscriptions.requested(ags, catalog.publishedService());

        send(HEADER + ags + ",Testgemeinde,16,20000,2024\n"
                + "16999997,Zahl,16,zwanzig,2024\n"
                + "16999996,Negativ,16,-1,2024\n"
                + "16999995,Spalten,16,1\n"
                + "1699999,Kurz,16,1,2024\n"
                + ags + ",Doppelt,16,20001,2024\n")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/malformed-csv"))
                .body("detail", equalTo("5 problems in the file; nothing was changed"))
                .body("violations.field", equalTo(List.of("line 3", "line 4", "line 5", "line 6", "line 7")));
        send("ags,einwohner\n" + ags + ",20000\n").statusCode(400)
                .body("violations.field", equalTo(List.of("line 1")));

        Api.asOperator().get("/api/v1/tenants/" + ags).then().body("population", equalTo(10_000));
        Api.asOperator().get(path(ags, id)).then().body("priceSnapshot.annualCents", equalTo(140_000))
                .body("history", hasSize(1));
    }

    @Test
    void aFileOfEveryMunicipalityIsTakenInOneGo() {
        UUID service = catalog.publishedService();
        int registered = 1_200;
        db.execute("""
                INSERT INTO tenant (ags, name, kind, population, contact_email, status, created_at, updated_at)
                SELECT (16900000 + i)::text, 'Massentest ' || i, 'GEMEINDE', 10000, 'it@massentest.example', 'ACTIVE',
                       now(), now()
                FROM generate_series(0, ? - 1) AS i""", registered);
        db.execute("""
                INSERT INTO subscription (id, ags, service_id, plan_id, parameters, setup_fee_cents, annual_cents,
                    annual_base_cents, annual_per_inhabitant_cents, price_population, status, created_at, updated_at,
                    status_since)
                SELECT gen_random_uuid(), (16900000 + i)::text, ?::uuid, 'standard', '{}', 50000, 140000, 120000, 2,
                       10000, 'ACTIVE', now(), now(), now()
                FROM generate_series(0, ? - 1) AS i""", service.toString(), registered);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 10_751; i++) {
            long population = i < registered - 100 ? 11_000 + i : 10_000;
            csv.append(16900000 + i).append(",\"Gemeinde ").append(i).append(", Stadt\",16,").append(population)
                    .append(",2024\n");
        }

        send(csv.toString()).statusCode(200)
                .body("updated", equalTo(registered - 100))
                .body("unchanged", equalTo(100))
                .body("unknownAgs", hasSize(10_751 - registered));

        assertThat(db.count("SELECT count(*) FROM tenant WHERE ags BETWEEN '16900000' AND '16901199' "
                + "AND population = 11000 + (ags::int - 16900000)")).isEqualTo(registered - 100);
        assertThat(db.count("SELECT count(*) FROM subscription WHERE service_id = ?::uuid "
                + "AND price_population = 11000 + (ags::int - 16900000) "
                + "AND annual_cents = 120000 + 2 * price_population AND version = 1", service.toString()))
                .isEqualTo(registered - 100);
        assertThat(db.count("SELECT count(*) FROM subscription_history h JOIN subscription s "
                + "ON s.id = h.subscription_id WHERE s.service_id = ?::uuid AND h.detail LIKE 'Population 10000 → %'",
                service.toString())).isEqualTo(registered - 100);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'tenant.change-population' "
                + "AND target_id BETWEEN '16900000' AND '16901199'")).isEqualTo(registered - 100);
        assertThat(db.count("SELECT count(*) FROM audit_entry a JOIN subscription s ON a.target_id = s.id::text "
                + "WHERE a.action = 'subscription.reprice' AND s.service_id = ?::uuid", service.toString()))
                .isEqualTo(registered - 100);
    }

    private ValidatableResponse send(String csv) {
        return given().auth().oauth2(TestTokens.operator()).contentType("text/csv").body(csv).post(POPULATION).then();
    }

    private String interest(String ags) {
        return Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId",
                catalog.publishedService().toString(), "planId", "nachnutzung")).statusCode(201).extract().path("id");
    }
}
