package de.efa.catalog;

import de.efa.infra.test.Concurrently;
import de.efa.infra.test.SqlProbe;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static de.efa.catalog.CatalogApi.create;
import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.step;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Create, read, replace and the lifecycle steps, for each kind of caller that docs/services.md names. */
@QuarkusTest
class ServiceLifecycleTest {

    @Inject
    AgroalDataSource dataSource;

    private String owner;
    private String other;
    private SqlProbe db;

    @BeforeEach
    void providers() {
        owner = unique("eigner");
        other = unique("anderer");
        CatalogApi.provider(owner);
        CatalogApi.provider(other);
        db = new SqlProbe(dataSource);
    }

    @Test
    void aProviderCreatesADraftWithLocationAndEtag() {
        ExtractableResponse<Response> created = create(owner, service(unique("neu"), "Neuer Dienst"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/services/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat((String) created.path("status")).isEqualTo("DRAFT");
        assertThat((String) created.path("providerId")).isEqualTo(owner);
        assertThat((Integer) created.path("version")).isEqualTo(1);
        assertThat((String) created.path("plans[0].id")).isEqualTo("standard");
        assertThat(db.count("SELECT count(*) FROM efa_service WHERE id = ? AND status = 'DRAFT' AND version = 1",
                UUID.fromString(id))).isOne();
    }

    @Test
    void aDraftIsSeenOnlyByItsOwnerAndOperators() {
        String id = create(owner, service(unique("entwurf"), "Entwurf")).path("id");
        given().get("/api/v1/services/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.municipality("14713000")).get("/api/v1/services/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.provider(other)).get("/api/v1/services/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.provider(owner)).get("/api/v1/services/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("DRAFT"));
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/services/" + id).then().statusCode(200);
        // Another provider may not even step a draft it cannot see.
        step(other, id, "publish").then().statusCode(404);
    }

    @Test
    void theLifecycleGoesStepByStepAndRefusesStepsOutOfOrder() {
        String id = create(owner, service(unique("leben"), "Lebenslauf")).path("id");
        step(owner, id, "deprecate").then().statusCode(409).body("type", endsWith("/conflict"));
        step(owner, id, "retire").then().statusCode(409);
        given().auth().oauth2(TestTokens.municipality("14713000")).post("/api/v1/services/" + id + "/publish")
                .then().statusCode(403);
        given().post("/api/v1/services/" + id + "/publish").then().statusCode(401);

        step(owner, id, "publish").then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(2));
        given().get("/api/v1/services/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        step(owner, id, "publish").then().statusCode(409);
        step(owner, id, "retire").then().statusCode(409);
        step(other, id, "deprecate").then().statusCode(403);

        given().auth().oauth2(TestTokens.operator()).post("/api/v1/services/" + id + "/deprecate")
                .then().statusCode(200).body("status", equalTo("DEPRECATED")).body("version", equalTo(3));
        replace(owner, id, "\"3\"", service(unique("spaet"), "Zu spät")).then().statusCode(409);
        step(owner, id, "retire").then().statusCode(200).body("status", equalTo("RETIRED"));
        assertThat(db.count("SELECT count(*) FROM efa_service WHERE id = ? AND status = 'RETIRED' AND version = 4",
                UUID.fromString(id))).isOne();
    }

    @Test
    void aStepWithAStaleIfMatchIs412() {
        String id = create(owner, service(unique("stufe"), "Stufe")).path("id");
        given().auth().oauth2(TestTokens.provider(owner)).header("If-Match", "\"7\"")
                .post("/api/v1/services/" + id + "/publish").then().statusCode(412);
        given().auth().oauth2(TestTokens.provider(owner)).header("If-Match", "\"1\"")
                .post("/api/v1/services/" + id + "/publish").then().statusCode(200);
    }

    @Test
    void aServiceWithoutPlansCannotBePublished() {
        ObjectNode request = service(unique("ohne-plan"), "Ohne Plan");
        request.putArray("plans");
        String id = create(owner, request).path("id");
        step(owner, id, "publish").then().statusCode(409).body("detail", containsString("plan"));
    }

    @Test
    void aPublishedServiceKeepsAtLeastOnePlanWhenReplaced() {
        String slug = unique("plan-bleibt");
        String id = CatalogApi.published(owner, service(slug, "Mit Plan"));
        ObjectNode withoutPlans = service(slug, "Ohne Plan");
        withoutPlans.putArray("plans");

        replace(owner, id, "\"2\"", withoutPlans).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/conflict")).body("detail", containsString("plan"));
        given().get("/api/v1/services/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Mit Plan")).body("plans[0].id", equalTo("standard"));
        assertThat(db.count("SELECT count(*) FROM efa_service WHERE id = ? AND version = 2 AND status = 'PUBLISHED'",
                UUID.fromString(id))).isOne();
    }

    @Test
    void onlyTheOwningProviderReplacesAndOnlyWithTheCurrentEtag() {
        String slug = unique("ersetzen");
        String id = CatalogApi.published(owner, service(slug, "Vorher"));
        ObjectNode changed = service(slug, "Nachher");

        replace(other, id, "\"2\"", changed).then().statusCode(403);
        // Another provider learns nothing from its body's mistakes: it is refused before the body is read.
        replace(other, id, "\"2\"", service(slug, "")).then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(changed.toString()).put("/api/v1/services/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.municipality("14713000")).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(changed.toString()).put("/api/v1/services/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.provider(owner)).contentType(ContentType.JSON)
                .body(changed.toString()).put("/api/v1/services/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        replace(owner, id, "\"1\"", changed).then().statusCode(412).contentType("application/problem+json");
        given().get("/api/v1/services/" + id).then().body("name", equalTo("Vorher")).body("version", equalTo(2));

        replace(owner, id, "\"2\"", changed).then().statusCode(200).header("ETag", "\"3\"")
                .body("name", equalTo("Nachher")).body("status", equalTo("PUBLISHED"));
        given().get("/api/v1/services/" + id).then().body("name", equalTo("Nachher")).body("version", equalTo(3));
    }

    @Test
    void anotherProviderIsRefusedWhateverItsIfMatchSays() {
        String slug = unique("fremd");
        String published = CatalogApi.published(owner, service(slug, "Fremd"));
        String draft = create(owner, service(unique("fremder-entwurf"), "Fremder Entwurf")).path("id");

        given().auth().oauth2(TestTokens.provider(other)).contentType(ContentType.JSON)
                .body(service(slug, "Gekapert").toString()).put("/api/v1/services/" + published)
                .then().statusCode(403).contentType("application/problem+json");
        replace(other, published, "kein-etag", service(slug, "Gekapert")).then().statusCode(403);
        given().auth().oauth2(TestTokens.provider(other)).contentType(ContentType.JSON)
                .body(service(slug, "Gekapert").toString()).put("/api/v1/services/" + draft)
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/services/" + published).then().body("name", equalTo("Fremd")).body("version", equalTo(2));
    }

    @Test
    void ofTwoConcurrentUpdatesWithOneEtagOneWinsAndOneIs412() throws Exception {
        String slug = unique("gleichzeitig");
        String id = create(owner, service(slug, "Gleichzeitig")).path("id");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> updates = List.of("Erste", "Zweite").stream()
                .map(name -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return replace(owner, id, "\"1\"", service(slug, name)).statusCode();
                }))
                .toList();
        List<Integer> statuses = updates.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 412);
        assertThat(db.count("SELECT count(*) FROM efa_service WHERE id = ? AND version = 2", UUID.fromString(id))).isOne();
    }

    @Test
    void aTakenSlugIs409AndUnknownIdsAre404() {
        String slug = unique("doppelt");
        create(owner, service(slug, "Erster"));
        given().auth().oauth2(TestTokens.provider(other)).contentType(ContentType.JSON)
                .body(service(slug, "Zweiter").toString()).post("/api/v1/services")
                .then().statusCode(409).body("violations[0].field", equalTo("slug"));
        assertThat(db.count("SELECT count(*) FROM efa_service WHERE slug = ?", slug)).isOne();
        given().get("/api/v1/services/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/services/kein-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void ofTwelveConcurrentCreationsWithOneSlugOneIs201AndTheOthers409() throws Exception {
        String slug = unique("wettlauf");
        List<Integer> statuses = Concurrently.times(12, () -> given().auth().oauth2(TestTokens.provider(owner))
                .contentType(ContentType.JSON).body(service(slug, "Wettlauf").toString())
                .post("/api/v1/services").statusCode());

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        assertThat(db.count("SELECT count(*) FROM efa_service WHERE slug = ?", slug)).isOne();
    }

    private static Response replace(String providerId, String id, String ifMatch, ObjectNode body) {
        return given().auth().oauth2(TestTokens.provider(providerId)).header("If-Match", ifMatch)
                .contentType(ContentType.JSON).body(body.toString()).put("/api/v1/services/" + id);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
