package de.efa.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Issue item 3: German full text with stemming, combinable filters, visibility, paging. */
@QuarkusTest
class SearchTest {

    private static final String MOBIL = unique("suche-mobil");
    private static final String BAU = unique("suche-bau");
    private static final String WORTTEIL = unique("suche-wortteil");
    private static String fuehrerschein;
    private static String bauantrag;
    private static String entwurf;
    private static String bauantragEinreichen;
    private static String wohngeldAntrag;
    private static String gewerbeanmeldung;
    private static String hundesteuer;
    private static String strassenfest;
    private static String gutscheinUnterstrich;
    private static String gutscheinBindestrich;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void catalog() {
        if (fuehrerschein != null) {
            return;
        }
        CatalogApi.provider(MOBIL);
        CatalogApi.provider(BAU);
        fuehrerschein = CatalogApi.published(MOBIL, service(unique("fuehrerschein"), "Führerschein digital beantragen"));
        ObjectNode bau = service(unique("bauantrag"), "Digitaler Bauantrag")
                .put("summary", "Bauanträge und Bauvoranfragen digital einreichen")
                .put("themenfeld", "bauen-wohnen");
        bau.putArray("availableIn").add("13").add("14");
        bau.putArray("reuseModels").add("FIT_STORE");
        bau.putArray("leikaKeys").add("99012008000000");
        bauantrag = CatalogApi.published(BAU, bau);
        entwurf = CatalogApi.create(MOBIL, service(unique("geheim"), "Führerschein Geheimentwurf")).path("id");
        CatalogApi.provider(WORTTEIL);
        bauantragEinreichen = wortteil("Bauantrag einreichen", "Baupläne digital einreichen", "Baugenehmigung");
        wohngeldAntrag = wortteil("Wohngeld: Antrag stellen", "Zuschuss zur Miete", "Miete");
        gewerbeanmeldung = wortteil("Gewerbeanmeldung", "Einen Betrieb eröffnen", "Betrieb");
        hundesteuer = wortteil("Hundesteuer", "Vierbeiner bei der Gemeinde anmelden", "Haustier");
        strassenfest = CatalogApi.published(WORTTEIL, fields("Straßenfest", "Feste im öffentlichen Raum", "Fest")
                .put("description", "Mit dem Sondernutzungsantrag der Gemeinde."));
        gutscheinUnterstrich = wortteil("Kita_Gutschein 100%", "Betreuung für Kinder", "Betreuung");
        gutscheinBindestrich = wortteil("Kita-Gutschein 1000 Euro", "Betreuung für Kinder", "Betreuung");
    }

    /** A service whose words are only these, unlike {@link CatalogApi#service}'s, which all say "Antrag". */
    private static String wortteil(String name, String summary, String keyword) {
        return CatalogApi.published(WORTTEIL, fields(name, summary, keyword));
    }

    private static ObjectNode fields(String name, String summary, String keyword) {
        ObjectNode service = service(unique("wortteil"), name).put("summary", summary).put("description", "Ein Dienst.");
        service.putArray("keywords").add(keyword);
        return service;
    }

    private static List<String> found(String query) {
        return given().queryParams("q", query, "providerId", WORTTEIL).get("/api/v1/services")
                .then().statusCode(200).extract().path("items.id");
    }

    @Test
    void stemmingFindsTheDrivingLicenceAndTheBuildingApplication() {
        given().queryParam("q", "Führerscheins").get("/api/v1/services")
                .then().statusCode(200).body("items.id", hasItem(fuehrerschein)).body("items.id", not(hasItem(bauantrag)));
        given().queryParam("q", "Bauantrag").get("/api/v1/services")
                .then().statusCode(200).body("items.id", hasItem(bauantrag)).body("items.id", not(hasItem(fuehrerschein)));
        given().queryParam("q", "Bauvoranfrage").get("/api/v1/services")
                .then().body("items.id", hasItem(bauantrag));
    }

    @Test
    void aWordIsFoundInsideTheCompoundWordsOfNameSummaryAndKeywords() {
        assertThat(found("antrag")).contains(bauantragEinreichen);
        assertThat(found("Gewerbe")).containsExactly(gewerbeanmeldung);
        assertThat(found("Hund")).containsExactly(hundesteuer);
        // A caller who may see drafts is searched through Hibernate rather than plain JDBC: the same words.
        given().auth().oauth2(TestTokens.provider(WORTTEIL)).queryParams("q", "Hund", "providerId", WORTTEIL)
                .get("/api/v1/services").then().statusCode(200).body("items.id", contains(hundesteuer));
        assertThat(found("genehmigung")).containsExactly(bauantragEinreichen);
        // Each word as a word or inside one: "Hund" inside the name, "anmelden" in the summary.
        assertThat(found("Hund anmelden")).containsExactly(hundesteuer);
        assertThat(found("Hund eröffnen")).isEmpty();
        // The operators of the web search syntax keep their full-text meaning.
        assertThat(found("\"Hund\"")).isEmpty();
        assertThat(found("Gewerbe or Hundesteuer")).containsExactly(hundesteuer);
        assertThat(found("Hund -Gewerbe")).isEmpty();
        // The description is matched as whole words only.
        assertThat(found("Sondernutzungsantrag")).containsExactly(strassenfest);
        assertThat(found("Sondernutzung")).isEmpty();
    }

    @Test
    void aWordIsFoundInsideOthersAsTypedAndStopWordsAskNothing() {
        assertThat(found("Anträge")).as("as a whole word by its stem, not inside others")
                .containsExactly(wohngeldAntrag);
        assertThat(found("Straße")).containsExactly(strassenfest);
        assertThat(found("Steuer für Hunde")).containsExactly(hundesteuer);
        assertThat(found("Genehmigung zum Bau")).containsExactly(bauantragEinreichen);
        assertThat(found("für")).isEmpty();
    }

    @Test
    void wholeWordsRankAbovePartsOfWords() {
        assertThat(found("antrag")).containsExactly(wohngeldAntrag, bauantragEinreichen);
        given().queryParams("q", "antrag", "providerId", WORTTEIL, "size", "1").get("/api/v1/services")
                .then().statusCode(200).body("items.id", contains(wohngeldAntrag)).body("total", equalTo(2));
        given().queryParams("q", "antrag", "providerId", WORTTEIL, "sort", "name").get("/api/v1/services")
                .then().statusCode(200).body("items.id", contains(bauantragEinreichen, wohngeldAntrag));
    }

    @Test
    void whatIsNeitherLetterNorDigitSeparatesWordsAndIsNoWildcard() {
        assertThat(found("Kita_Gutschein")).containsExactlyInAnyOrder(gutscheinUnterstrich, gutscheinBindestrich);
        assertThat(found("1000")).containsExactly(gutscheinBindestrich);
        assertThat(found("100%")).as("100 inside 1000").containsExactlyInAnyOrder(gutscheinUnterstrich,
                gutscheinBindestrich);
        assertThat(found("1%0")).isEmpty();
        assertThat(found("ta%gut")).isEmpty();
        assertThat(found("%")).isEmpty();
        assertThat(found("___")).isEmpty();
    }

    @Test
    void aServiceWithTheLongestWordsItsTextsMayHaveIsStoredWithoutTheirEndings() throws SQLException {
        // Every text one word as long as allowed, of 3-byte letters, every word different: their endings would
        // make a tsvector of nearly 1 MB, PostgreSQL's limit, for one service.
        ObjectNode longest = fields(letters(0, 200), letters(1, 500), letters(2, 100)).put("slug", unique("lang"));
        ArrayNode keywords = (ArrayNode) longest.get("keywords");
        for (int keyword = 3; keyword < 32; keyword++) {
            keywords.add(letters(keyword, 100));
        }
        String id = CatalogApi.published(WORTTEIL, longest);

        assertThat(found(letters(0, 200))).as("whole words are found as before").containsExactly(id);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement endings = connection.prepareStatement(
                     "SELECT pg_column_size(search_parts) FROM efa_service WHERE id = CAST(? AS uuid)")) {
            endings.setString(1, id);
            ResultSet size = endings.executeQuery();
            assertThat(size.next()).isTrue();
            assertThat(size.getInt(1)).as("bytes of word endings").isLessThan(1_000);
        }
    }

    /** A word of CJK letters (3 bytes each in UTF-8), different for every seed. */
    private static String letters(int seed, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.appendCodePoint(0x4E00 + (seed * 131 + i * 7) % 20_000);
        }
        return word.toString();
    }

    @Test
    void wordsOfOneOrTwoLettersAreNotLookedForInsideWords() {
        assertThat(found("e")).isEmpty();
        assertThat(found("ei")).isEmpty();
        given().queryParam("q", "e").get("/api/v1/services").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void filtersCombine() {
        given().queryParams("themenfeld", "bauen-wohnen", "land", "14", "providerId", BAU).get("/api/v1/services")
                .then().statusCode(200).body("items.id", contains(bauantrag)).body("total", equalTo(1));
        given().queryParams("themenfeld", "bauen-wohnen", "land", "05", "providerId", BAU).get("/api/v1/services")
                .then().body("items", empty()).body("total", equalTo(0));
        // No availableIn means every Land.
        given().queryParams("land", "05", "providerId", MOBIL).get("/api/v1/services")
                .then().body("items.id", contains(fuehrerschein));
        given().queryParams("leika", "99012008000000", "reuseModel", "FIT_STORE").get("/api/v1/services")
                .then().body("items.id", hasItem(bauantrag)).body("items.id", not(hasItem(fuehrerschein)));
        given().queryParams("reuseModel", "FIT_STORE", "providerId", MOBIL).get("/api/v1/services")
                .then().body("total", equalTo(0));
        given().queryParams("q", "digital", "themenfeld", "mobilitaet-reisen", "providerId", MOBIL).get("/api/v1/services")
                .then().body("items.id", contains(fuehrerschein));
    }

    @Test
    void aDraftNeverAppearsPubliclyButItsOwnerAndOperatorsFindIt() {
        given().queryParam("q", "Geheimentwurf").get("/api/v1/services")
                .then().statusCode(200).body("items.id", not(hasItem(entwurf)));
        given().auth().oauth2(TestTokens.municipality("14713000")).queryParam("q", "Geheimentwurf").get("/api/v1/services")
                .then().body("items.id", not(hasItem(entwurf)));
        given().auth().oauth2(TestTokens.provider(BAU)).queryParam("q", "Geheimentwurf").get("/api/v1/services")
                .then().body("items.id", not(hasItem(entwurf)));
        given().auth().oauth2(TestTokens.provider(MOBIL)).queryParam("q", "Geheimentwurf").get("/api/v1/services")
                .then().body("items.id", hasItem(entwurf));
        given().auth().oauth2(TestTokens.operator()).queryParam("providerId", MOBIL).get("/api/v1/services")
                .then().body("items.id", hasItem(entwurf)).body("total", equalTo(2));
        given().queryParam("providerId", MOBIL).get("/api/v1/services")
                .then().body("total", equalTo(1));
    }

    @Test
    void pagesHaveTheEnvelopeAndBadPagingIs400() {
        given().auth().oauth2(TestTokens.operator()).queryParams("providerId", MOBIL, "size", "1", "sort", "name")
                .get("/api/v1/services")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(1)).body("total", equalTo(2))
                .body("items.name", contains("Führerschein digital beantragen"));
        given().auth().oauth2(TestTokens.operator()).queryParams("providerId", MOBIL, "size", "1", "page", "1", "sort", "name")
                .get("/api/v1/services")
                .then().body("page", equalTo(1)).body("total", equalTo(2))
                .body("items.name", contains("Führerschein Geheimentwurf"));
        List<String> newestFirst = given().auth().oauth2(TestTokens.operator())
                .queryParams("providerId", MOBIL, "sort", "newest").get("/api/v1/services").path("items.id");
        assertThat(newestFirst).containsExactly(entwurf, fuehrerschein);

        given().queryParam("size", "101").get("/api/v1/services")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("size"));
        given().queryParam("page", "-1").get("/api/v1/services")
                .then().statusCode(400).body("violations.field", contains("page"));
        given().queryParams("size", "0", "page", "x", "themenfeld", "sport", "land", "17", "leika", "1", "sort", "zufall")
                .get("/api/v1/services")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("page", "size", "themenfeld", "land", "leika", "sort"));
    }

    @Test
    void theThemenfelderAreListed() {
        given().get("/api/v1/themenfelder").then().statusCode(200)
                .body("size()", equalTo(14))
                .body("find { it.code == 'unternehmensfuehrung' }.name", equalTo("Unternehmensführung & -entwicklung"))
                .body("find { it.code == 'ein-auswanderung' }.name", equalTo("Ein- & Auswanderung"));
    }
}
