package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
                            "parameters": {"type": "object"}}]}""")));
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
        return form;
    }
}
