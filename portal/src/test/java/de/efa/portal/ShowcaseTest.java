package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.SERVICE;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.answer;
import static de.efa.portal.Fixtures.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ShowcaseTest {

    @OidcWireMock
    WireMockServer api;

    @BeforeEach
    void catalog() {
        api.resetRequests();
        answer(api, get(API + "/themenfelder"), 200, Fixtures.THEMENFELDER);
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("size", equalTo("10")), 200, page(SERVICE));
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("size", equalTo("1"))
                .withQueryParam("themenfeld", equalTo("mobilitaet-reisen")), 200, page(SERVICE));
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("size", equalTo("1"))
                .withQueryParam("themenfeld", equalTo("bauen-wohnen")), 200, page());
        answer(api, get(API + "/services/" + SERVICE_ID), 200, SERVICE);
    }

    @Test
    void anyoneSearchesWithFiltersAndSeesTheHitsAndTheCountPerThemenfeld() {
        Document page = Browser.anonymous().page("/?q=Führerscheins&land=14&leika=99023001012000");

        assertThat(page.select("html").attr("lang")).isEqualTo("de");
        assertThat(page.select("a.skip-link").attr("href")).isEqualTo("#inhalt");
        assertThat(page.select("main#inhalt")).hasSize(1);
        assertThat(page.select("#treffer-titel").text()).isEqualTo("1 Leistung gefunden");
        assertThat(page.select(".results a").attr("href")).isEqualTo("/leistungen/" + SERVICE_ID);
        assertThat(page.select(".facets").text()).contains("Mobilität & Reisen (1)").doesNotContain("Bauen & Wohnen");
        assertThat(page.select("#themenfeld option").eachText()).contains("Bauen & Wohnen (0)");
        assertThat(page.select("#land option[selected]").text()).isEqualTo("Sachsen");
        assertThat(page.select("label[for=q]").text()).isEqualTo("Suchbegriff");
        api.verify(getRequestedFor(urlPathEqualTo(API + "/services")).withQueryParam("size", equalTo("10"))
                .withQueryParam("q", equalTo("Führerscheins")).withQueryParam("land", equalTo("14"))
                .withQueryParam("leika", equalTo("99023001012000")).withoutHeader("Authorization"));
        api.verify(getRequestedFor(urlPathEqualTo(API + "/services")).withQueryParam("size", equalTo("1"))
                .withQueryParam("themenfeld", equalTo("bauen-wohnen")).withQueryParam("q", equalTo("Führerscheins")));
    }

    @Test
    void aPageNumberThatIsNoNumberShowsTheFirstPageAndOneTooDeepTheDeepestTheCatalogServes() {
        Response noNumber = Browser.anonymous().get("/?q=Führerschein&seite=zwei");
        Response tooDeep = Browser.anonymous().get("/?q=Führerschein&seite=10001");

        assertThat(noNumber.statusCode()).isEqualTo(200);
        assertThat(tooDeep.statusCode()).isEqualTo(200);
        api.verify(getRequestedFor(urlPathEqualTo(API + "/services")).withQueryParam("size", equalTo("10"))
                .withQueryParam("page", equalTo("0")));
        api.verify(getRequestedFor(urlPathEqualTo(API + "/services")).withQueryParam("size", equalTo("10"))
                .withQueryParam("page", equalTo("10000")));
    }

    @Test
    void anAddressTooLongIsAGermanPage() {
        Response tooLong = Browser.anonymous().get("/?q=" + "a".repeat(8192));

        assertThat(tooLong.statusCode()).isEqualTo(414);
        assertThat(tooLong.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(tooLong.body().asString()).select("h1").text()).isEqualTo("Adresse zu lang");
        api.verify(0, getRequestedFor(urlPathEqualTo(API + "/services")));
    }

    @Test
    void aServicePageShowsItsOzgAndLeikaDataAvailabilityPlansAndReuseModels() {
        Document page = Browser.anonymous().page("/leistungen/" + SERVICE_ID);

        assertThat(page.select("h1").text()).isEqualTo("Führerschein digital beantragen");
        assertThat(page.select("dl.facts").first().text())
                .contains("OZG-Leistung 10169", "99023001012000, 99023002000000", "Federführendes Land Hessen",
                        "Verfügbar in allen Ländern", "EfA-Marktplatz, Open Source");
        assertThat(page.select(".plan").text()).contains("Standard", "500,00 €", "1.200,00 €", "0,02 €");
        assertThat(page.select("a.button")).isEmpty();
    }

    @Test
    void aLoggedInMunicipalitySeesThePriceForItsPopulationAndMaySubscribe() {
        answer(api, get(API + "/tenants/" + Fixtures.LEIPZIG), 200, Fixtures.TENANT);
        Browser leipzig = Browser.municipality(api, Fixtures.LEIPZIG);

        Document page = leipzig.page("/leistungen/" + SERVICE_ID);

        // 1,200.00 € base + 628,718 inhabitants × 0.02 €
        assertThat(page.select(".plan .price").text()).isEqualTo("13.774,36 € im Jahr");
        assertThat(page.select(".plan a.button").attr("href"))
                .isEqualTo("/kommunen/" + Fixtures.LEIPZIG + "/abonnieren/" + SERVICE_ID + "/standard");
        api.verify(getRequestedFor(urlPathEqualTo(API + "/tenants/" + Fixtures.LEIPZIG))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken())));
    }

    @Test
    void eachPlanSaysWhatContractItNeedsAndOffersAMunicipalityTheStepThatFits() {
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS);
        answer(api, get(API + "/tenants/" + Fixtures.LEIPZIG), 200, Fixtures.TENANT);
        Document anonymous = Browser.anonymous().page("/leistungen/" + SERVICE_ID);
        assertThat(anonymous.select("dl.facts").first().text()).contains("Kommunalvertreter");
        assertThat(anonymous.select(".plan")).extracting(plan -> plan.select("dl").text()).satisfiesExactly(
                none -> assertThat(none).contains("Vereinbarung keine; Abonnieren richtet die Instanz sofort ein"),
                terms -> assertThat(terms).contains("Nutzungsbedingungen (Version 2026-01), beim Abonnieren anzunehmen",
                        "Planwechsel später möglich"),
                interest -> assertThat(interest).contains("Interessenbekundung: der Anbieter antwortet mit einem Angebot"));
        assertThat(anonymous.select(".plan dd a").eachAttr("href")).containsExactly(Fixtures.TERMS_URL, Fixtures.TERMS_URL);

        Document leipzig = Browser.municipality(api, Fixtures.LEIPZIG).page("/leistungen/" + SERVICE_ID);

        assertThat(leipzig.select(".plan a.button").eachText()).containsExactly("Plan „Standard“ abonnieren",
                "Plan „Mit Nutzungsbedingungen“ abonnieren", "Interesse am Plan „Nachnutzung“ bekunden");
        assertThat(leipzig.select(".plan a.button").last().attr("href"))
                .isEqualTo("/kommunen/" + Fixtures.LEIPZIG + "/abonnieren/" + SERVICE_ID + "/nachnutzung");
    }

    @Test
    void aMalformedFilterIsExplainedInGermanAtItsInput() {
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("leika", equalTo("123")), 400,
                Fixtures.problem(400, "validation", """
                        [{"field": "leika", "message": "must be a LeiKa key of exactly 14 digits, e.g. 99023001012000"}]"""));

        Response answer = Browser.anonymous().get("/?leika=123");

        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(answer.body().asString());
        assertThat(page.select("#f-leika-fehler").text()).contains("genau 14 Ziffern");
        assertThat(page.select("#f-leika").attr("aria-describedby")).contains("f-leika-fehler");
        assertThat(page.select("#f-leika").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#f-leika");
    }

    /** A refused search counts nothing, but the page still offers every filter as the visitor chose it. */
    @Test
    void aRefusedSearchKeepsEveryFiltersOptionsAndChoices() {
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("leika", equalTo("123")), 400,
                Fixtures.problem(400, "validation", """
                        [{"field": "leika", "message": "must be a LeiKa key of exactly 14 digits, e.g. 99023001012000"}]"""));

        Response answer = Browser.anonymous().get("/?leika=123&q=Bau&land=14&themenfeld=bauen-wohnen");

        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(answer.body().asString());
        assertThat(page.select("#themenfeld option").eachText())
                .containsExactly("Alle Themenfelder", "Mobilität & Reisen", "Bauen & Wohnen");
        assertThat(page.select("#themenfeld option[selected]").attr("value")).isEqualTo("bauen-wohnen");
        assertThat(page.select("#land option[selected]").attr("value")).isEqualTo("14");
        assertThat(page.select("#q").val()).isEqualTo("Bau");
        assertThat(page.select("#f-leika").val()).isEqualTo("123");
        assertThat(page.select("nav.facets a").eachText())
                .containsExactly("Alle Themenfelder", "Mobilität & Reisen", "Bauen & Wohnen");
        assertThat(page.select("nav.facets a[aria-current]").text()).isEqualTo("Bauen & Wohnen");
    }

    @Test
    void aLandOrThemenfeldTheCatalogRefusesIsExplainedAtItsSelect() {
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("land", equalTo("99")), 400,
                Fixtures.problem(400, "validation", """
                        [{"field": "land", "message": "must be a Land code 01 to 16"}]"""));
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("themenfeld", equalTo("nope")), 400,
                Fixtures.problem(400, "validation", """
                        [{"field": "themenfeld", "message": "must be the code of an OZG Themenfeld"}]"""));

        Document land = Jsoup.parse(Browser.anonymous().get("/?land=99").body().asString());
        Document themenfeld = Jsoup.parse(Browser.anonymous().get("/?themenfeld=nope").body().asString());

        assertThat(land.getElementById("land").attr("aria-invalid")).isEqualTo("true");
        assertThat(land.getElementById(land.getElementById("land").attr("aria-describedby")).text())
                .isEqualTo("Fehler: Bitte ein Land wählen (Schlüssel 01 bis 16).");
        assertThat(land.select(".error-summary a").attr("href")).isEqualTo("#land");
        assertThat(themenfeld.getElementById("themenfeld").attr("aria-invalid")).isEqualTo("true");
        assertThat(themenfeld.getElementById(themenfeld.getElementById("themenfeld").attr("aria-describedby")).text())
                .isEqualTo("Fehler: Bitte ein Themenfeld wählen.");
        assertThat(themenfeld.select(".error-summary a").attr("href")).isEqualTo("#themenfeld");
    }

    @Test
    void aSearchTextLongerThanTheCatalogTakesIsExplainedAtTheSearchBoxWithWhatWasTyped() {
        String tooLong = "Führerschein & Fahrerlaubnis ".repeat(7) + "%";
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("q", equalTo(tooLong.trim())), 400,
                Fixtures.problem(400, "validation", """
                        [{"field": "q", "message": "must be at most 200 characters"}]"""));

        Response answer = given().queryParam("q", tooLong).get("/");

        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(answer.body().asString());
        assertThat(page.getElementById("q").val()).isEqualTo(tooLong.trim());
        assertThat(page.select("label[for=q]").text()).isEqualTo("Suchbegriff");
        assertThat(page.getElementById("q").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById(page.getElementById("q").attr("aria-describedby")).text())
                .isEqualTo("Fehler: Bitte höchstens 200 Zeichen angeben.");
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#q");
        assertThat(page.select("#treffer-titel").text()).isEqualTo("0 Leistungen gefunden");
    }

    @Test
    void aRefusedLiveSearchIsLoadedAsAWholePageWhereItsMessagesAre() {
        answer(api, get(urlPathEqualTo(API + "/services")).withQueryParam("leika", equalTo("123")), 400,
                Fixtures.problem(400, "validation", """
                        [{"field": "leika", "message": "must be a LeiKa key of exactly 14 digits, e.g. 99023001012000"}]"""));

        Response live = given().header("HX-Request", "true").queryParam("q", "Führerschein & Co")
                .queryParam("leika", "123").get("/");

        assertThat(live.header("HX-Redirect")).isEqualTo("/?q=F%C3%BChrerschein+%26+Co&leika=123");
        Document page = Jsoup.parse(given().urlEncodingEnabled(false).get(live.header("HX-Redirect")).body().asString());
        assertThat(page.select("#f-leika-fehler").text()).contains("genau 14 Ziffern");
        assertThat(page.getElementById("q").val()).isEqualTo("Führerschein & Co");
    }

    @Test
    void aCatalogThatIsDownGivesAClearGermanPageAndNoStackTrace() {
        api.stubFor(get(urlPathEqualTo(API + "/services")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Response answer = Browser.anonymous().get("/?q=Bauantrag");

        assertThat(answer.statusCode()).isEqualTo(503);
        Document page = Jsoup.parse(answer.body().asString());
        assertThat(page.select("h1").text()).isEqualTo("Ein Dienst ist gerade nicht erreichbar");
        assertThat(answer.body().asString()).doesNotContain("Exception").doesNotContain("\"status\"");
    }

    @Test
    void aPageContinuesTheTraceItIsCalledInAndPassesItOnToEveryServiceCall() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";

        // A service page reads the catalog blocking, the Schaufenster asks for its hits and counts at once.
        for (String path : List.of("/leistungen/" + SERVICE_ID, "/?q=Bauantrag")) {
            api.resetRequests();
            assertThat(given().header("traceparent", "00-" + traceId + "-" + callersSpan + "-01").get(path)
                    .statusCode()).isEqualTo(200);

            List<LoggedRequest> calls = api.findAll(getRequestedFor(urlPathMatching(API + "/.*")));
            assertThat(calls).as("the catalog calls of " + path).isNotEmpty().allSatisfy(call ->
                    assertThat(call.getHeader("traceparent")).as("the traceparent of " + call.getUrl())
                            .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callersSpan));
        }
    }

    @Test
    void aPageCalledWithoutATraceStartsOneThatAllItsServiceCallsShare() {
        List<String> traces = new ArrayList<>();
        for (int visit = 0; visit < 2; visit++) {
            api.resetRequests();
            assertThat(given().get("/?q=Bauantrag").statusCode()).isEqualTo(200);

            List<String> traceparents = api.findAll(getRequestedFor(urlPathMatching(API + "/.*"))).stream()
                    .map(call -> call.getHeader("traceparent")).toList();
            assertThat(traceparents).isNotEmpty()
                    .allSatisfy(traceparent -> assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
            Set<String> pageTraces = traceparents.stream().map(traceparent -> traceparent.substring(3, 35))
                    .collect(Collectors.toSet());
            assertThat(pageTraces).as("the trace ids of one visit's calls").hasSize(1);
            traces.addAll(pageTraces);
        }
        assertThat(traces).as("each visit is a trace of its own").doesNotHaveDuplicates();
    }

    @Test
    void htmxIsServedFromItsWebjarWithoutAVersionInThePath() {
        Response script = Browser.anonymous().get("/webjars/htmx.org/dist/htmx.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body().asString()).contains("htmx");
    }
}
