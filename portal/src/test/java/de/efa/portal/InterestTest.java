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

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.INTEREST_ID;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** A provider's inbox of Interessenbekundungen, answered with an offer or declined. */
@QuarkusTest
class InterestTest {

    private static final String INBOX = API + "/provider/interests";
    private static final String PAGE = "/anbieter/interessen/" + INTEREST_ID;
    private static final String ENTERED = "{\"zustaendigeStelle\": {\"name\": \"Stadt Leipzig, Bauaufsichtsamt\"}}";
    /** What the municipality entered: the plan's schema describes all of it but a contact, added by the municipality. */
    private static final String CONFIGURED = """
            {"zustaendigeStelle": {"name": "Stadt Leipzig, Bauaufsichtsamt", "anschrift": {"plz": "04109"}},
             "postfach": {"art": "FIT_CONNECT"}, "gebuehrCents": 4330, "ansprechpartner": "Frau Beispiel, 0341 123-0"}""";

    @OidcWireMock
    WireMockServer api;

    private Browser akdb;

    @BeforeEach
    void anInterestWaitsInAkdbsInbox() {
        api.resetRequests();
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS);
        answer(api, get(urlPathEqualTo(INBOX)), 200, Fixtures.page(interest(Fixtures.declaredInterest())));
        akdb = Browser.provider(api, "akdb");
    }

    @Test
    void theInboxShowsTheOpenInterestsFirstAndFiltersByStatus() {
        Document open = akdb.page("/anbieter/interessen");

        assertThat(open.select("#status option[selected]").text()).isEqualTo("Interesse bekundet");
        assertThat(open.select("tbody tr").text()).contains("Leipzig, Stadt", "AGS 14713000",
                "Führerschein digital beantragen", "Plan Nachnutzung", "Interesse bekundet");
        assertThat(open.select("tbody a").attr("href")).isEqualTo(PAGE);
        api.verify(getRequestedFor(urlPathEqualTo(INBOX)).withQueryParam("status", equalTo("INTEREST_DECLARED"))
                .withHeader("Authorization", equalTo("Bearer " + akdb.accessToken())));

        Document all = akdb.page("/anbieter/interessen?status=alle");
        assertThat(all.select("#status option[selected]").text()).isEqualTo("Alle");
        api.verify(getRequestedFor(urlPathEqualTo(INBOX)).withQueryParam("status", absent()));

        akdb.page("/anbieter/interessen?status=OFFERED");
        api.verify(getRequestedFor(urlPathEqualTo(INBOX)).withQueryParam("status", equalTo("OFFERED")));
    }

    @Test
    void theInboxsPagerKeepsTheStatusEncoded() {
        answer(api, get(urlPathEqualTo(INBOX)), 200, Fixtures.page(1, 25, 60, interest(Fixtures.declaredInterest())));

        Document page = akdb.page("/anbieter/interessen?status=EXPIRED alt&seite=1");

        assertThat(page.select("nav.pager a").eachAttr("href")).containsExactly(
                "/anbieter/interessen?status=EXPIRED+alt&seite=0", "/anbieter/interessen?status=EXPIRED+alt&seite=2");
        api.verify(getRequestedFor(urlPathEqualTo(INBOX)).withQueryParam("status", equalTo("EXPIRED alt"))
                .withQueryParam("page", equalTo("1")));
    }

    @Test
    void anInterestIsAnsweredWithAnOfferInEuros() {
        answer(api, post(INBOX + "/" + INTEREST_ID + "/offer"), 200, interest(Fixtures.offered()));

        Document page = akdb.page(PAGE);
        assertThat(page.select("h1").text()).isEqualTo("Interessenbekundung von Leipzig, Stadt");
        assertThat(page.select("dl.facts").text()).contains("Plan Nachnutzung", "Leitweg-ID 14713000-LEIPZIG-85",
                "Preis nach Plan einmalig 0,00 €, jährlich 22.861,54 €", "Nutzungsbedingungen Version 2026-01");
        assertThat(page.select("ol li").text()).contains("von Bündler kisa");
        assertThat(page.getElementById("f-conditions-startDate").attr("type")).isEqualTo("date");

        Response offered = akdb.post(PAGE + "/angebot", Map.of("conditions.setupFeeCents", "0",
                "conditions.annualCents", "3.600,00", "conditions.startDate", "2027-01-01",
                "conditions.note", " " + Fixtures.OFFER_NOTE + " "));

        assertThat(offered.statusCode()).isEqualTo(303);
        assertThat(offered.header("Location")).endsWith("/anbieter/interessen");
        api.verify(postRequestedFor(urlPathEqualTo(INBOX + "/" + INTEREST_ID + "/offer"))
                .withHeader("Authorization", equalTo("Bearer " + akdb.accessToken()))
                .withRequestBody(equalToJson("""
                        {"conditions": {"setupFeeCents": 0, "annualCents": 360000, "startDate": "2027-01-01",
                                        "note": "%s"}}""".formatted(Fixtures.OFFER_NOTE))));
    }

    @Test
    void anOfferTheFormOrTheServiceRefusesIsExplainedAtItsInputs() {
        akdb.page(PAGE);

        Document unreadable = Jsoup.parse(akdb.post(PAGE + "/angebot", Map.of("conditions.annualCents", "viel",
                "conditions.note", "Angebot")).body().asString());
        assertThat(unreadable.getElementById("f-conditions-annualCents-fehler").text()).contains("Betrag in Euro");
        assertThat(unreadable.getElementById("f-conditions-note").val()).isEqualTo("Angebot");
        api.verify(0, postRequestedFor(urlPathEqualTo(INBOX + "/" + INTEREST_ID + "/offer")));

        answer(api, post(INBOX + "/" + INTEREST_ID + "/offer"), 400, Fixtures.problem(400, "validation", """
                [{"field": "conditions.note", "message": "must not be blank"},
                 {"field": "conditions.startDate", "message": "must be a date like 2027-01-01"}]"""));
        Response refused = akdb.post(PAGE + "/angebot", Map.of("conditions.startDate", "Januar"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-conditions-note-fehler").text()).contains("Pflichtangabe");
        assertThat(page.getElementById("f-conditions-startDate-fehler").text()).contains("z. B. 2027-01-01");
        assertThat(page.select(".error-summary a").eachAttr("href"))
                .containsExactly("#f-conditions-note", "#f-conditions-startDate");
    }

    @Test
    void anOfferToAnInterestWithdrawnMeanwhileSaysWhyNothingWasSent() {
        answer(api, post(INBOX + "/" + INTEREST_ID + "/offer"), 409, Fixtures.problem(409, "conflict", "[]"));
        akdb.page(PAGE);
        answer(api, get(urlPathEqualTo(INBOX)), 200, Fixtures.page(interest(Fixtures.declaredInterest()
                .replace("\"INTEREST_DECLARED\", \"instance\"", "\"WITHDRAWN\", \"instance\""))));

        Response refused = akdb.post(PAGE + "/angebot", Map.of("conditions.note", Fixtures.OFFER_NOTE));

        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select("#interesse-status").text()).isEqualTo("Zurückgezogen");
        assertThat(page.select("main form")).as("a withdrawn interest takes no answer").isEmpty();
        assertThat(page.select(".error-summary li").text())
                .startsWith("Dieser Schritt ist gerade nicht möglich.").contains("conflict detail");
    }

    @Test
    void anInterestIsDeclinedWithAReason() {
        answer(api, post(INBOX + "/" + INTEREST_ID + "/decline"), 200,
                interest(Fixtures.declined("Nicht in Sachsen betrieben")));
        akdb.page(PAGE);

        Response declined = akdb.post(PAGE + "/ablehnung", Map.of("reason", "Nicht in Sachsen betrieben"));

        assertThat(declined.statusCode()).isEqualTo(303);
        api.verify(postRequestedFor(urlPathEqualTo(INBOX + "/" + INTEREST_ID + "/decline"))
                .withRequestBody(equalToJson("{\"reason\": \"Nicht in Sachsen betrieben\"}")));

        answer(api, get(urlPathEqualTo(INBOX)), 200,
                Fixtures.page(interest(Fixtures.declined("Nicht in Sachsen betrieben"))));
        Document answered = akdb.page(PAGE);
        assertThat(answered.select("#interesse-status").text()).isEqualTo("Abgelehnt");
        assertThat(answered.select("dl.facts").text()).contains("Abgelehnt, weil Nicht in Sachsen betrieben");
        assertThat(answered.select("main form")).as("an answered interest takes no second answer").isEmpty();
    }

    @Test
    void aDeclineIsConfirmedOnAPageOfItsOwnKeepingTheReasonBeforeAnythingIsDeclined() {
        answer(api, post(INBOX + "/" + INTEREST_ID + "/decline"), 200,
                interest(Fixtures.declined("Nicht in Sachsen betrieben")));
        Document interestPage = akdb.page(PAGE);
        Element ask = interestPage.selectFirst("form:has(button:contains(Interessenbekundung ablehnen))");
        assertThat(ask.attr("method")).as("the reason is sent in no address").isEqualTo("post");
        assertThat(ask.attr("action")).isEqualTo(PAGE + "/ablehnung/pruefen");
        assertThat(ask.select("textarea[name=reason]")).hasSize(1);

        Response asked = akdb.post(PAGE + "/ablehnung/pruefen", Map.of("reason", "Nicht in Sachsen betrieben"));

        assertThat(asked.statusCode()).isEqualTo(200);
        Document confirm = Jsoup.parse(asked.body().asString());
        assertThat(confirm.select("h1").text())
                .isEqualTo("Interessenbekundung von Leipzig, Stadt zu „Führerschein digital beantragen“ ablehnen?");
        assertThat(confirm.select(".lead").text()).contains("Plan „Nachnutzung“", "nicht rückgängig");
        Element form = confirm.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(PAGE + "/ablehnung");
        assertThat(form.select("input[name=csrf-token]")).hasSize(1);
        assertThat(form.select("#f-reason").val()).as("the reason typed").isEqualTo("Nicht in Sachsen betrieben");
        assertThat(form.select("button").text()).isEqualTo("Ja, Interessenbekundung ablehnen");
        assertThat(form.select("a").text()).isEqualTo("Abbrechen, nichts ablehnen");
        assertThat(form.select("a").attr("href")).isEqualTo(PAGE);
        api.verify(0, postRequestedFor(urlPathEqualTo(INBOX + "/" + INTEREST_ID + "/decline")));

        Response declined = akdb.post(PAGE + "/ablehnung", Browser.filledIn(confirm, "main form"));

        assertThat(declined.statusCode()).isEqualTo(303);
        assertThat(declined.header("Location")).endsWith("/anbieter/interessen");
        api.verify(1, postRequestedFor(urlPathEqualTo(INBOX + "/" + INTEREST_ID + "/decline"))
                .withRequestBody(equalToJson("{\"reason\": \"Nicht in Sachsen betrieben\"}")));
    }

    @Test
    void anInterestAnsweredAlreadyIsNotAskedToBeDeclined() {
        akdb.page(PAGE);
        answer(api, get(urlPathEqualTo(INBOX)), 200, Fixtures.page(interest(Fixtures.offered())));

        Response answered = akdb.post(PAGE + "/ablehnung/pruefen", Map.of("reason", "zu spät"));

        assertThat(akdb.page(PAGE).select("form[action$=/ablehnung/pruefen]")).as("an offered interest offers no decline")
                .isEmpty();
        assertThat(answered.statusCode()).as("answered since the page was read").isEqualTo(303);
        assertThat(answered.header("Location")).endsWith(PAGE);
        assertThat(akdb.get(PAGE + "/ablehnung/pruefen").header("Location")).as("the address entered anew")
                .endsWith(PAGE);
    }

    @Test
    void theConfigurationTheMunicipalityEnteredIsShownUnderTheTitlesOfThePlansSchema() {
        answer(api, get(urlPathEqualTo(INBOX)), 200, Fixtures.page(interest(Fixtures.declaredInterest()
                .replace(ENTERED, CONFIGURED))));

        Element configuration = akdb.page(PAGE).getElementById("konfiguration");

        assertThat(configuration.select("dl dl dt").eachText()).containsExactly("Name", "Anschrift", "Plz", "Art");
        assertThat(configuration.select("> dl > dt").eachText())
                .containsExactly("Zuständige Stelle", "Behördenpostfach", "Gebuehr Cents", "ansprechpartner");
        assertThat(configuration.text()).contains("Name Stadt Leipzig, Bauaufsichtsamt", "Plz 04109",
                "Art FIT_CONNECT", "Gebuehr Cents 4330", "ansprechpartner Frau Beispiel, 0341 123-0");
    }

    @Test
    void theConfigurationIsShownUnderItsKeysWhenTheCatalogNoLongerHasThePlan() {
        answer(api, get(API + "/services/" + SERVICE_ID), 404, Fixtures.problem(404, "not-found", "[]"));
        answer(api, get(urlPathEqualTo(INBOX)), 200, Fixtures.page(interest(Fixtures.declaredInterest()
                .replace(ENTERED, CONFIGURED))));

        Element configuration = akdb.page(PAGE).getElementById("konfiguration");

        assertThat(configuration.select("dt").eachText()).containsExactly("ansprechpartner", "gebuehrCents",
                "postfach.art", "zustaendigeStelle.anschrift.plz", "zustaendigeStelle.name");
        assertThat(configuration.text()).contains("zustaendigeStelle.name Stadt Leipzig, Bauaufsichtsamt");
    }

    @Test
    void anInterestNotInTheInboxIsNotFound() {
        answer(api, get(urlPathEqualTo(INBOX)), 200, Fixtures.page());

        assertThat(akdb.get(PAGE).statusCode()).isEqualTo(404);
    }

    private static String interest(String subscription) {
        return """
                {"tenantName": "Leipzig, Stadt", "leitwegId": "14713000-LEIPZIG-85", "subscription": %s}"""
                .formatted(subscription);
    }
}
