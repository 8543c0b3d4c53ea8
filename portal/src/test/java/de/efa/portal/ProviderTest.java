package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ProviderTest {

    @OidcWireMock
    WireMockServer api;

    private Browser akdb;

    @BeforeEach
    void akdbIsLoggedIn() {
        api.resetRequests();
        answer(api, get(API + "/themenfelder"), 200, Fixtures.THEMENFELDER);
        akdb = Browser.provider(api, "akdb");
    }

    @Test
    void myServicesAreListedInEveryStatusWithTheirNextStep() {
        answer(api, get(urlPathEqualTo(API + "/services")), 200,
                Fixtures.page(Fixtures.SERVICE.replace("\"PUBLISHED\"", "\"DRAFT\"")));
        answer(api, post(API + "/services/" + SERVICE_ID + "/publish"), 200, Fixtures.SERVICE);

        Document page = akdb.page("/anbieter");

        assertThat(page.select("tbody tr").text()).contains("Führerschein digital beantragen", "Entwurf", "Standard");
        assertThat(page.select("button").eachText()).contains("Veröffentlichen");
        api.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(API + "/services"))
                .withQueryParam("providerId", equalTo("akdb"))
                .withHeader("Authorization", equalTo("Bearer " + akdb.accessToken())));

        Response published = akdb.post("/anbieter/leistungen/" + SERVICE_ID + "/veroeffentlichung", Map.of());
        assertThat(published.statusCode()).isEqualTo(303);
        api.verify(postRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID + "/publish")));
    }

    @Test
    void myServicesAreReachedAPageAtATime() {
        answer(api, get(urlPathEqualTo(API + "/services")), 200, Fixtures.page(1, 25, 60, Fixtures.SERVICE));

        Document page = akdb.page("/anbieter?seite=1");

        assertThat(page.select("caption").text()).startsWith("60 Leistungen");
        assertThat(page.select("nav.pager a").eachAttr("href")).containsExactly("/anbieter?seite=0", "/anbieter?seite=2");
        api.verify(getRequestedFor(urlPathEqualTo(API + "/services")).withQueryParam("providerId", equalTo("akdb"))
                .withQueryParam("page", equalTo("1")).withQueryParam("size", equalTo("25")));

        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE);
        answer(api, post(API + "/services/" + SERVICE_ID + "/deprecate"), 200, Fixtures.SERVICE);
        Document confirm = akdb.page("/anbieter/leistungen/" + SERVICE_ID + "/abkuendigung?seite="
                + Browser.filledIn(page, "form[action$=/abkuendigung]").get("seite"));
        Response deprecated = akdb.post("/anbieter/leistungen/" + SERVICE_ID + "/abkuendigung",
                Browser.filledIn(confirm, "main form"));
        assertThat(deprecated.statusCode()).isEqualTo(303);
        assertThat(deprecated.header("Location")).as("back to the page it was started from").endsWith("/anbieter?seite=1");
    }

    @Test
    void aDeprecationIsConfirmedOnAPageOfItsOwnSayingWhatItMeansForTheMunicipalitiesBeforeAnythingIsDeprecated() {
        answer(api, get(urlPathEqualTo(API + "/services")), 200, Fixtures.page(1, 25, 60, Fixtures.SERVICE));
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE);
        answer(api, post(API + "/services/" + SERVICE_ID + "/deprecate"), 200, Fixtures.SERVICE);
        String confirmation = "/anbieter/leistungen/" + SERVICE_ID + "/abkuendigung";

        Element ask = akdb.page("/anbieter?seite=1").selectFirst("form:has(button:contains(Abkündigen))");
        assertThat(ask.attr("method")).isEqualTo("get");
        assertThat(ask.attr("action")).isEqualTo(confirmation);
        assertThat(ask.select("input[name=seite]").val()).isEqualTo("1");

        Document confirm = akdb.page(confirmation + "?seite=1");

        assertThat(confirm.select("h1").text()).isEqualTo("Führerschein digital beantragen abkündigen?");
        assertThat(confirm.select("main").text()).contains("Keine Kommune kann sie danach neu abonnieren",
                "Ihre Abonnements laufen weiter", "nicht mehr annehmen", "nicht rückgängig");
        Element form = confirm.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(confirmation);
        assertThat(form.select("input[name=csrf-token]")).hasSize(1);
        assertThat(form.select("button").text()).isEqualTo("Ja, Leistung abkündigen");
        assertThat(form.select("a").text()).isEqualTo("Abbrechen, nichts abkündigen");
        assertThat(form.select("a").attr("href")).as("back to the page it was started from").isEqualTo("/anbieter?seite=1");
        api.verify(0, postRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID + "/deprecate")));

        Response deprecated = akdb.post(confirmation, Browser.filledIn(confirm, "main form"));

        assertThat(deprecated.statusCode()).isEqualTo(303);
        assertThat(deprecated.header("Location")).endsWith("/anbieter?seite=1");
        api.verify(1, postRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID + "/deprecate"))
                .withHeader("Authorization", equalTo("Bearer " + akdb.accessToken())));
    }

    @Test
    void onlyAPublishedServiceOfMyOwnIsAskedToBeDeprecated() {
        String confirmation = "/anbieter/leistungen/" + SERVICE_ID + "/abkuendigung?seite=2";
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE.replace("\"PUBLISHED\"", "\"DEPRECATED\""));

        Response gone = akdb.get(confirmation);

        assertThat(gone.statusCode()).isEqualTo(303);
        assertThat(gone.header("Location")).endsWith("/anbieter?seite=2");

        answer(api, get(API + "/services/" + SERVICE_ID), 200,
                Fixtures.SERVICE.replace("\"providerId\": \"akdb\"", "\"providerId\": \"dataport\""));
        Response refused = akdb.get(confirmation);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body().asString()).select("main form")).isEmpty();
        api.verify(0, postRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID + "/deprecate")));
    }

    @Test
    void aDraftWithoutPlansIsNotOfferedForPublicationButLeadsToItsPlans() {
        answer(api, get(urlPathEqualTo(API + "/services")), 200,
                Fixtures.page(Fixtures.service().replace("\"PUBLISHED\"", "\"DRAFT\"")));

        Document page = akdb.page("/anbieter");

        assertThat(page.select("tbody button").eachText()).doesNotContain("Veröffentlichen");
        assertThat(page.select("tbody td").last().text()).contains("Veröffentlichen lässt sich erst mit einem Plan");
        assertThat(page.select("tbody td").last().select("a").attr("href"))
                .isEqualTo("/anbieter/leistungen/" + SERVICE_ID);
    }

    @Test
    void aPublicationOrDeprecationTheCatalogRefusesShowsTheServicesAsTheyAreNowAndWhyNothingHappened() {
        answer(api, get(urlPathEqualTo(API + "/services")), 200,
                Fixtures.page(1, 25, 60, Fixtures.SERVICE.replace("\"PUBLISHED\"", "\"DRAFT\"")));
        answer(api, post(API + "/services/" + SERVICE_ID + "/publish"), 409, Fixtures.problem(409, "conflict", "[]"));
        answer(api, post(API + "/services/" + SERVICE_ID + "/deprecate"), 403,
                Fixtures.problem(403, "forbidden", "[]"));
        Document list = akdb.page("/anbieter?seite=1");

        Response refused = akdb.post("/anbieter/leistungen/" + SERVICE_ID + "/veroeffentlichung",
                Browser.filledIn(list, "form[action$=/veroeffentlichung]"));

        Document page = RefusedSteps.shownAsItIsNow(refused, 409, "Meine Leistungen",
                "Die Leistung wurde nicht veröffentlicht.", "conflict detail");
        assertThat(page.select("tbody tr").text()).contains("Entwurf");
        api.verify(2, getRequestedFor(urlPathEqualTo(API + "/services")).withQueryParam("page", equalTo("1")));

        Response forbidden = akdb.post("/anbieter/leistungen/" + SERVICE_ID + "/abkuendigung", Map.of());

        RefusedSteps.shownAsItIsNow(forbidden, 403, "Meine Leistungen", "Die Leistung wurde nicht abgekündigt.",
                "Keine Berechtigung", "forbidden detail");
    }

    @Test
    void aNewServiceIsSentWithPlansInCentsAndItsSchema() {
        answer(api, post(API + "/services"), 201, Fixtures.SERVICE);
        akdb.page("/anbieter/leistungen/neu");

        Response created = akdb.post("/anbieter/leistungen/neu", form());

        assertThat(created.statusCode()).isEqualTo(303);
        api.verify(postRequestedFor(urlPathEqualTo(API + "/services")).withRequestBody(equalToJson("""
                {"slug": "gewerbe", "name": "Gewerbeanmeldung", "summary": "Gewerbe anmelden", "description": null,
                 "keywords": ["Gewerbe", "Anzeige"], "leikaKeys": ["99050012104000", "99050012070000"],
                 "ozgId": "10294", "themenfeld": "bauen-wohnen", "leadLand": "14", "availableIn": ["14", "15"],
                 "reuseModels": ["EFA_MARKTPLATZ"], "languages": ["de", "en"], "accessibility": null,
                 "plans": [{"id": "standard", "name": "Standard", "description": null,
                            "pricing": {"setupFeeCents": 120050, "annualBaseCents": 50000, "annualPerInhabitantCents": 2},
                            "parameters": {"type": "object"}, "contract": {"model": "NONE", "terms": null},
                            "updatable": false}]}""")));
    }

    @Test
    void whatCannotBeSentIsShownAtItsInputAndTheCatalogsViolationsAtTheirs() {
        akdb.page("/anbieter/leistungen/neu");
        Map<String, Object> broken = new HashMap<>(form());
        broken.put("plans[0].pricing.setupFeeCents", "zwölf");
        broken.put("plans[0].parameters", "{\"type\": ");

        Document page = Jsoup.parse(akdb.post("/anbieter/leistungen/neu", broken).body().asString());

        assertThat(page.getElementById("f-plans-0-pricing-setupFeeCents-fehler").text()).contains("Betrag in Euro");
        assertThat(page.getElementById("f-plans-0-parameters-fehler").text()).contains("kein gültiges JSON");
        assertThat(page.getElementById("f-plans-0-parameters").val()).isEqualTo("{\"type\":");

        answer(api, post(API + "/services"), 400, Fixtures.problem(400, "validation", """
                [{"field": "leikaKeys[1]", "message": "must be a LeiKa key of exactly 14 digits, e.g. 99023001012000"},
                 {"field": "plans[0].id", "message": "must be lower-case letters, digits and single hyphens (at most 60)"}]"""));
        Document refused = Jsoup.parse(akdb.post("/anbieter/leistungen/neu", form()).body().asString());
        assertThat(refused.getElementById("f-leikaKeys-fehler").text()).contains("Eintrag 2", "14 Ziffern");
        assertThat(refused.getElementById("f-plans-0-id-fehler").text()).contains("Kleinbuchstaben");
    }

    @Test
    void anExistingServiceIsEditedWithItsVersion() {
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE);
        answer(api, put(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE);

        Document form = akdb.page("/anbieter/leistungen/" + SERVICE_ID);
        assertThat(form.getElementById("f-plans-0-pricing-annualBaseCents").attr("value")).isEqualTo("1.200,00");
        assertThat(form.getElementById("f-leikaKeys").val()).isEqualTo("99023001012000\n99023002000000");
        assertThat(form.select("input[name=version]").attr("value")).isEqualTo("3");

        Map<String, Object> edited = new HashMap<>(form());
        edited.put("version", "3");
        Response saved = akdb.post("/anbieter/leistungen/" + SERVICE_ID, edited);

        assertThat(saved.statusCode()).isEqualTo(303);
        api.verify(putRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID)).withHeader("If-Match", equalTo("\"3\"")));
    }

    /** The catalog would refuse to save it; the provider learns that before typing anything. */
    @Test
    void anotherProvidersServiceOpensNoEditForm() {
        answer(api, get(API + "/services/" + SERVICE_ID), 200,
                Fixtures.SERVICE.replace("\"providerId\": \"akdb\"", "\"providerId\": \"dataport\""));

        Response refused = akdb.get("/anbieter/leistungen/" + SERVICE_ID);

        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select("h1").text()).isEqualTo("Keine Berechtigung");
        assertThat(page.select("main").text()).contains("anderen Anbieter");
        assertThat(page.select("form input[name=version]")).isEmpty();
    }

    @Test
    void aServiceSavedMeanwhileBySomeoneElseKeepsWhatWasTypedUnderTheNewVersion() {
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE);
        answer(api, put(API + "/services/" + SERVICE_ID), 412, Fixtures.problem(412, "precondition-failed", "[]"));
        akdb.page("/anbieter/leistungen/" + SERVICE_ID);
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE.replace("\"version\": 3", "\"version\": 4"));
        Map<String, Object> edited = new HashMap<>(form());
        edited.put("version", "3");

        Response refused = akdb.post("/anbieter/leistungen/" + SERVICE_ID, edited);

        assertThat(refused.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".error-summary li").text())
                .startsWith("Jemand anderes hat die Leistung inzwischen geändert").contains("Eingaben sind erhalten");
        assertThat(page.getElementById("f-name").val()).isEqualTo("Gewerbeanmeldung");
        assertThat(page.getElementById("f-leikaKeys").val()).isEqualTo("99050012104000\n99050012070000");
        assertThat(page.select("input[name=version]").attr("value")).isEqualTo("4");

        answer(api, put(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE);
        Response saved = akdb.post("/anbieter/leistungen/" + SERVICE_ID, Browser.filledIn(page, "main form"));

        assertThat(saved.statusCode()).isEqualTo(303);
        api.verify(putRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID)).withHeader("If-Match", equalTo("\"4\""))
                .withRequestBody(equalToJson("{\"name\": \"Gewerbeanmeldung\"}", false, true)));
    }

    @Test
    void savingAServiceUnchangedKeepsEachPlansContractAndWhetherItIsUpdatable() {
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS);
        answer(api, put(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS);

        Document page = akdb.page("/anbieter/leistungen/" + SERVICE_ID);
        assertThat(page.select("#f-plans-1-contract-model option[selected]").text()).startsWith("Nutzungsbedingungen");
        assertThat(page.getElementById("f-plans-1-contract-terms-version").val()).isEqualTo(Fixtures.TERMS_VERSION);
        assertThat(page.getElementById("f-plans-1-updatable").hasAttr("checked")).isTrue();
        assertThat(page.getElementById("f-plans-2-updatable").hasAttr("checked")).isFalse();
        assertThat(page.select("label[for=f-plans-1-contract-terms-sha256]").text()).contains("SHA-256");

        Response saved = akdb.post("/anbieter/leistungen/" + SERVICE_ID, Browser.filledIn(page, "main form"));

        assertThat(saved.statusCode()).isEqualTo(303);
        String terms = """
                {"version": "%s", "url": "%s", "sha256": "%s"}""".formatted(Fixtures.TERMS_VERSION,
                Fixtures.TERMS_URL, Fixtures.TERMS_SHA256);
        api.verify(putRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID)).withRequestBody(equalToJson("""
                {"plans": [{"id": "standard", "contract": {"model": "NONE", "terms": null}, "updatable": false},
                           {"id": "nutzungsbedingungen", "contract": {"model": "TERMS", "terms": %s}, "updatable": true},
                           {"id": "nachnutzung", "contract": {"model": "INTEREST", "terms": %s}, "updatable": false}],
                 "reuseModels": ["EFA_MARKTPLATZ", "OPEN_SOURCE", "KOMMUNALVERTRETER"]}""".formatted(terms, terms),
                false, true)));
    }

    @Test
    void aPlanGetsAContractAndTheCatalogsViolationsOfItsTermsLandAtTheirInputs() {
        answer(api, post(API + "/services"), 400, Fixtures.problem(400, "validation", """
                [{"field": "plans[0].contract.terms.sha256",
                  "message": "must be the SHA-256 of the document: 64 hexadecimal digits"},
                 {"field": "plans[0].contract.terms", "message": "must be absent for the contract model NONE"}]"""));
        Document empty = akdb.page("/anbieter/leistungen/neu");
        assertThat(empty.select("#f-plans-0-contract-model option[selected]").attr("value")).isEqualTo("NONE");
        Map<String, Object> form = new HashMap<>(form());
        form.put("plans[0].contract.model", "INTEREST");
        form.put("plans[0].contract.terms.version", "2026-01");
        form.put("plans[0].contract.terms.url", "https://akdb.example/vertrag.html");
        form.put("plans[0].contract.terms.sha256", "abc");
        form.put("plans[0].updatable", "true");

        Response refused = akdb.post("/anbieter/leistungen/neu", form);

        api.verify(postRequestedFor(urlPathEqualTo(API + "/services")).withRequestBody(equalToJson("""
                {"plans": [{"contract": {"model": "INTEREST", "terms": {"version": "2026-01",
                              "url": "https://akdb.example/vertrag.html", "sha256": "abc"}}, "updatable": true}]}""",
                false, true)));
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-plans-0-contract-terms-sha256-fehler").text()).contains("64 Hexadezimalziffern");
        assertThat(page.getElementById("f-plans-0-contract-terms").attr("aria-describedby"))
                .contains("f-plans-0-contract-terms-fehler");
        assertThat(page.getElementById("f-plans-0-contract-terms-fehler").text()).contains("Ohne Vereinbarung");
        assertThat(page.getElementById("f-plans-0-contract-terms-url").val()).isEqualTo("https://akdb.example/vertrag.html");
        assertThat(page.select(".error-summary a").eachAttr("href"))
                .contains("#f-plans-0-contract-terms-sha256", "#f-plans-0-contract-terms");
    }

    @Test
    void theNewReuseModelsHaveGermanNames() {
        Document page = akdb.page("/anbieter/leistungen/neu");

        assertThat(page.select("#f-reuseModels label").eachText()).contains("Kommunalvertreter", "Verwaltungsvereinbarung");
    }

    @Test
    void anotherPlanBlockIsAddedWithoutSaving() {
        akdb.page("/anbieter/leistungen/neu");
        Map<String, Object> more = new HashMap<>(form());
        more.put("plan-hinzufuegen", "1");

        Document page = Jsoup.parse(akdb.post("/anbieter/leistungen/neu", more).body().asString());

        assertThat(page.getElementById("f-plans-1-id")).isNotNull();
        assertThat(page.getElementById("f-plans-0-id").attr("value")).isEqualTo("standard");
        api.verify(0, postRequestedFor(urlPathEqualTo(API + "/services")));
    }

    @Test
    void aMissingOrAlteredHiddenFieldOfTheFormIsAGermanPageNotAFailure() {
        akdb.page("/anbieter/leistungen/neu");
        for (Response refused : List.of(akdb.post("/anbieter/leistungen/" + SERVICE_ID, formWith("version", null)),
                akdb.post("/anbieter/leistungen/" + SERVICE_ID, formWith("version", "drei")),
                akdb.post("/anbieter/leistungen/neu", formWith("plans", null)),
                akdb.post("/anbieter/leistungen/neu", formWith("plans", "-1")))) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(refused.body().asString()).select("h1").text())
                    .isEqualTo("Die Anfrage konnte nicht bearbeitet werden");
        }
        api.verify(0, postRequestedFor(urlPathEqualTo(API + "/services")));
        api.verify(0, putRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID)));
    }

    @Test
    void aServiceHasAtMostFiftyPlanBlocks() {
        akdb.page("/anbieter/leistungen/neu");
        Response tampered = akdb.post("/anbieter/leistungen/neu",
                formWith("plans", "100000000", "plan-hinzufuegen", "1"));
        Response refused = akdb.post("/anbieter/leistungen/neu", formWith("plans", "50", "plan-hinzufuegen", "1"));

        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tampered.body().asString()).select("fieldset legend:contains(Plan)")).isEmpty();
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-plans-49-id")).isNotNull();
        assertThat(page.getElementById("f-plans-50-id")).isNull();
        assertThat(page.select(".error-summary").text()).contains("höchstens 50 Pläne");
        api.verify(0, postRequestedFor(urlPathEqualTo(API + "/services")));
    }

    /** The form with other values, or without the inputs given null. */
    private static Map<String, Object> formWith(String... namesAndValues) {
        Map<String, Object> form = new HashMap<>(form());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                form.remove(namesAndValues[i]);
            } else {
                form.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return form;
    }

    private static Map<String, Object> form() {
        Map<String, Object> form = new HashMap<>();
        form.put("version", "0");
        form.put("plans", "1");
        form.put("name", "Gewerbeanmeldung");
        form.put("slug", "gewerbe");
        form.put("summary", "Gewerbe anmelden");
        form.put("keywords", "Gewerbe, Anzeige");
        form.put("leikaKeys", "99050012104000\n99050012070000");
        form.put("ozgId", "10294");
        form.put("themenfeld", "bauen-wohnen");
        form.put("leadLand", "14");
        form.put("languages", "de, en");
        form.put("availableIn", List.of("14", "15"));
        form.put("reuseModels", List.of("EFA_MARKTPLATZ"));
        form.put("plans[0].id", "standard");
        form.put("plans[0].name", "Standard");
        form.put("plans[0].pricing.setupFeeCents", "1.200,50");
        form.put("plans[0].pricing.annualBaseCents", "500");
        form.put("plans[0].pricing.annualPerInhabitantCents", "2");
        form.put("plans[0].parameters", "{\"type\": \"object\"}");
        form.put("plans[0].contract.model", "NONE");
        return form;
    }
}
