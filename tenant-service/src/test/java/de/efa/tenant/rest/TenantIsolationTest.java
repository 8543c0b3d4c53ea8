package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
import de.efa.tenant.service.DemoTenants;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Leipzig and Köln, the demo tenants: neither sees or changes the other's data; operators see both. */
@QuarkusTest
class TenantIsolationTest {

    private static final String LEIPZIG = "14713000";
    private static final String KOELN = "05315000";

    @Inject
    DemoTenants demoTenants;

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        demoTenants.load();
    }

    @Test
    void demoTenantsAreActiveWithTheirDestatisData() {
        assertThat(demoTenants.load()).as("loading again adds nothing").isZero();
        Api.asOperator().get("/api/v1/tenants/" + LEIPZIG).then().statusCode(200)
                .body("name", equalTo("Leipzig, Stadt"))
                .body("kind", equalTo("KREISFREIE_STADT"))
                .body("population", equalTo(611_850))
                .body("land.name", equalTo("Sachsen"))
                .body("status", equalTo("ACTIVE"));
        Api.asOperator().get("/api/v1/tenants/" + KOELN).then().statusCode(200)
                .body("name", equalTo("Köln, Stadt"))
                .body("population", equalTo(1_024_621))
                .body("land.name", equalTo("Nordrhein-Westfalen"))
                .body("status", equalTo("ACTIVE"));
        Api.asOperator().queryParam("target", "tenant:" + LEIPZIG).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("tenant.register"))
                .body("items.actor", contains("tenant-service"))
                .body("items.actorRole", contains("system"));
    }

    @Test
    void leipzigCannotReadOrChangeAnythingOfKoeln() {
        UUID service = new CatalogTopic(kafka, db).publishedService();
        String koelnSubscription = Api.subscribe(TestTokens.municipality(KOELN), KOELN,
                        Map.of("serviceId", service.toString(), "planId", "basic"))
                .statusCode(202).extract().path("id");
        String subscriptions = "/api/v1/tenants/" + KOELN + "/subscriptions";
        long koelnRows = db.subscriptions(KOELN);
        long koelnEvents = db.requestEvents(KOELN);

        Api.asMunicipality(LEIPZIG).get("/api/v1/tenants/" + KOELN).then().statusCode(403)
                .contentType("application/problem+json");
        Api.asMunicipality(LEIPZIG).get(subscriptions).then().statusCode(403);
        Api.asMunicipality(LEIPZIG).get(subscriptions + "/" + koelnSubscription).then().statusCode(403);
        Api.asMunicipality(LEIPZIG).delete(subscriptions + "/" + koelnSubscription).then().statusCode(403);
        Api.asMunicipality(LEIPZIG).body(Map.of("serviceId", service.toString(), "planId", "basic"))
                .post(subscriptions).then().statusCode(403);
        // Köln's subscription is not reachable through Leipzig's path either.
        Api.asMunicipality(LEIPZIG).get("/api/v1/tenants/" + LEIPZIG + "/subscriptions/" + koelnSubscription).then()
                .statusCode(404);
        Api.asMunicipality(LEIPZIG).delete("/api/v1/tenants/" + LEIPZIG + "/subscriptions/" + koelnSubscription)
                .then().statusCode(404);

        assertThat(db.subscriptions(KOELN)).isEqualTo(koelnRows);
        assertThat(db.requestEvents(KOELN)).isEqualTo(koelnEvents);
        Api.asMunicipality(KOELN).get(subscriptions + "/" + koelnSubscription).then().body("status", equalTo("REQUESTED"));

        Api.asOperator().get("/api/v1/tenants/" + LEIPZIG).then().statusCode(200);
        Api.asOperator().get("/api/v1/tenants/" + KOELN).then().statusCode(200);
        Api.asOperator().get(subscriptions).then().statusCode(200).body("items.id", hasItem(koelnSubscription));
        Api.asOperator().get(subscriptions + "/" + koelnSubscription).then().statusCode(200);
    }

    @Test
    void providerTokenGets403OnTheDemoTenants() {
        String provider = TestTokens.provider("akdb");
        Api.as(provider).get("/api/v1/tenants/" + LEIPZIG).then().statusCode(403);
        Api.as(provider).get("/api/v1/tenants/" + KOELN + "/subscriptions").then().statusCode(403);
        Api.as(provider).post("/api/v1/tenants/" + KOELN + "/suspend").then().statusCode(403);
        Api.asOperator().get("/api/v1/tenants/" + KOELN).then().body("status", equalTo("ACTIVE"));
    }
}
