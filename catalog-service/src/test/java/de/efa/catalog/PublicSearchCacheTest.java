package de.efa.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.step;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Public search answers are cached (PublicSearches): a change through this replica must show in the very next
 * search, and what a provider sees of its own drafts must neither come from nor end up in the shared answers.
 */
@QuarkusTest
class PublicSearchCacheTest {

    @Test
    void aCachedSearchSeesEveryChangeAtOnce() {
        String provider = unique("cache");
        CatalogApi.provider(provider);
        String word = word();
        String first = CatalogApi.published(provider, service(unique("erster"), "Erster " + word));
        publicSearch(word).body("items.id", contains(first)).body("total", equalTo(1));
        publicSearch(word).body("items.id", contains(first)).body("total", equalTo(1));

        String second = CatalogApi.published(provider, service(unique("zweiter"), "Zweiter " + word));
        publicSearch(word).body("items.id", containsInAnyOrder(first, second)).body("total", equalTo(2));

        ObjectNode renamed = service(unique("zweiter"), "Umbenannter " + word);
        given().auth().oauth2(TestTokens.provider(provider)).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(renamed.toString()).put("/api/v1/services/" + second).then().statusCode(200);
        publicSearch(word).body("items.find { it.id == '" + second + "' }.name", equalTo("Umbenannter " + word))
                .body("items.find { it.id == '" + second + "' }.version", equalTo(3));

        step(provider, first, "deprecate").then().statusCode(200);
        publicSearch(word).body("items.id", contains(second)).body("total", equalTo(1));
        step(provider, second, "deprecate").then().statusCode(200);
        publicSearch(word).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void anOwnersDraftsNeitherComeFromNorGoIntoTheSharedAnswers() {
        String provider = unique("cache-eigen");
        CatalogApi.provider(provider);
        String word = word();
        String published = CatalogApi.published(provider, service(unique("oeffentlich"), "Öffentlicher " + word));
        publicSearch(word).body("items.id", contains(published));

        String draft = CatalogApi.create(provider, service(unique("entwurf"), "Entwurf " + word)).path("id");
        given().auth().oauth2(TestTokens.provider(provider)).queryParam("q", word).get("/api/v1/services")
                .then().statusCode(200).body("items.id", containsInAnyOrder(published, draft)).body("total", equalTo(2));
        publicSearch(word).body("items.id", contains(published)).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.municipality("14713000")).queryParam("q", word).get("/api/v1/services")
                .then().statusCode(200).body("items.id", contains(published)).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.provider(unique("fremd"))).queryParam("q", word).get("/api/v1/services")
                .then().statusCode(200).body("items.id", contains(published));
        given().auth().oauth2(TestTokens.operator()).queryParam("q", word).get("/api/v1/services")
                .then().statusCode(200).body("items.id", containsInAnyOrder(published, draft));
    }

    @Test
    void aPublicPageHasTheEnvelopeWithAndWithoutWords() {
        String provider = unique("cache-seiten");
        CatalogApi.provider(provider);
        String word = word();
        for (int i = 0; i < 3; i++) {
            CatalogApi.published(provider, service(unique("seite"), "Seite " + i + " " + word));
        }
        given().queryParams("q", word, "size", "2", "page", "1").get("/api/v1/services").then().statusCode(200)
                .contentType(ContentType.JSON).body("items", hasSize(1))
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(3));
        given().queryParams("q", word, "size", "2", "page", "5").get("/api/v1/services").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(3));
        given().queryParams("providerId", provider, "size", "2", "page", "1", "sort", "name").get("/api/v1/services")
                .then().statusCode(200).body("items.name", contains("Seite 2 " + word)).body("total", equalTo(3));
    }

    private static ValidatableResponse publicSearch(String word) {
        return given().queryParam("q", word).get("/api/v1/services").then().statusCode(200);
    }

    /** A made-up word that no other test's service contains, so that a search finds only this test's services. */
    private static String word() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("Kachelofen");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
