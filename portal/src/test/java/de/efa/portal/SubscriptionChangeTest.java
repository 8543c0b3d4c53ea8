package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.LEIPZIG;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.SUBSCRIPTION_ID;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** A subscription's life after ACTIVE: changing its plan or configuration, and the statuses a change goes through. */
@QuarkusTest
class SubscriptionChangeTest {

    private static final String PAGE = "/kommunen/" + LEIPZIG + "/abonnements/" + SUBSCRIPTION_ID;
    private static final String CHANGE = PAGE + "/aenderung";
    private static final String SUBSCRIPTION = API + "/tenants/" + LEIPZIG + "/subscriptions/" + SUBSCRIPTION_ID;

    @OidcWireMock
    WireMockServer api;

    private Browser leipzig;

    @BeforeEach
    void leipzigIsLoggedIn() {
        api.resetRequests();
        answer(api, get(API + "/services/" + SERVICE_ID), 200,
                Fixtures.service(Fixtures.UPDATABLE_PLAN, Fixtures.TERMS_PLAN, Fixtures.INTEREST_PLAN));
        answer(api, get(API + "/tenants/" + LEIPZIG), 200, Fixtures.TENANT);
        answer(api, get(SUBSCRIPTION), 200, Fixtures.subscription("ACTIVE"), "\"7\"");
        leipzig = Browser.municipality(api, LEIPZIG);
    }

    @Test
    void theConfigurationInEffectIsChangedUnderTheETagThatWasRead() {
        answer(api, patch(urlPathEqualTo(SUBSCRIPTION)), 202, Fixtures.subscription("UPDATE_REQUESTED"), "\"8\"");

        Document page = leipzig.page(PAGE);

        assertThat(page.select("dl.facts").first().text()).contains("Jährlich 13.774,36 € 1.200,00 € Grundpreis + "
                + "0,02 € je Einwohnerin und Einwohner, berechnet für 628.718 Einwohnerinnen und Einwohner");
        assertThat(page.select("#aenderung h2").text()).isEqualTo("Plan oder Konfiguration ändern");
        assertThat(page.select("select#f-plan option").eachText()).as("no plan reused after an interest")
                .containsExactly("Bisheriger Plan: Standard", "Mit Nutzungsbedingungen");
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-name").val())
                .isEqualTo("Stadt Leipzig, Ordnungsamt");
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-anschrift-plz").val()).isEqualTo("04109");
        assertThat(page.select("#f-parameters-postfach-art option[selected]").val()).isEqualTo("FIT_CONNECT");
        assertThat(page.getElementById("f-parameters-gebuehrCents").val()).isEqualTo("4330");
        assertThat(page.getElementById("f-acceptedTerms")).as("the plan stays, so there is nothing to agree").isNull();

        Map<String, Object> form = Browser.filledIn(page, "form[action$=/aenderung]");
        form.put("parameters.gebuehrCents", "4500");
        Response requested = leipzig.post(CHANGE, form);

        assertThat(requested.statusCode()).isEqualTo(303);
        assertThat(requested.header("Location")).endsWith(PAGE);
        api.verify(patchRequestedFor(urlPathEqualTo(SUBSCRIPTION))
                .withHeader("If-Match", equalTo("\"7\""))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken()))
                .withRequestBody(equalToJson("""
                        {"planId": "standard", "parameters": {
                          "zustaendigeStelle": {"name": "Stadt Leipzig, Ordnungsamt", "anschrift": {"plz": "04109"}},
                          "postfach": {"art": "FIT_CONNECT"}, "gebuehrCents": 4500},
                         "acceptedTerms": null}""")));
    }

    @Test
    void anotherPlanIsChosenOnThePageAndItsTermsAreAcceptedWithTheChange() {
        answer(api, patch(urlPathEqualTo(SUBSCRIPTION)), 202, Fixtures.subscription("UPDATE_REQUESTED"), "\"8\"");

        Document page = leipzig.page(PAGE + "?plan=nutzungsbedingungen");

        assertThat(page.select("#f-plan option[selected]").text()).isEqualTo("Mit Nutzungsbedingungen");
        assertThat(page.select("form[action$=/aenderung] p").first().text())
                .contains("Plan Mit Nutzungsbedingungen", "einmalig 0,00 €", "jährlich 900,00 €");
        assertThat(page.select("input[name=planId]").val()).isEqualTo("nutzungsbedingungen");
        assertThat(page.select("label[for=f-acceptedTerms]").text())
                .isEqualTo("Ich habe die Nutzungsbedingungen (Version 2026-01) gelesen und nehme sie an");

        Map<String, Object> form = Browser.filledIn(page, "form[action$=/aenderung]");
        form.put("acceptedTerms", Fixtures.TERMS_VERSION);
        assertThat(leipzig.post(CHANGE, form).statusCode()).isEqualTo(303);

        api.verify(patchRequestedFor(urlPathEqualTo(SUBSCRIPTION)).withRequestBody(equalToJson("""
                {"planId": "nutzungsbedingungen", "acceptedTerms": {"version": "2026-01"}}""", false, true)));
    }

    @Test
    void aChangeSomeoneElseOvertookShowsTheSubscriptionAsItIsNowAndKeepsWhatWasTyped() {
        Map<String, Object> form = Browser.filledIn(leipzig.page(PAGE), "form[action$=/aenderung]");
        form.put("parameters.zustaendigeStelle.name", "Stadt Leipzig, Bürgeramt");
        answer(api, get(SUBSCRIPTION), 200, Fixtures.subscription("ACTIVE"), "\"9\"");
        answer(api, patch(urlPathEqualTo(SUBSCRIPTION)), 412, Fixtures.problem(412, "precondition-failed", "[]"));

        Response stale = leipzig.post(CHANGE, form);

        assertThat(stale.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(stale.body().asString());
        assertThat(page.select("#hinweis").text()).startsWith("Jemand anderes hat das Abonnement inzwischen geändert");
        assertThat(page.select("input[name=etag]").val()).as("the version now shown").isEqualTo("\"9\"");
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-name").val())
                .isEqualTo("Stadt Leipzig, Bürgeramt");
        api.verify(patchRequestedFor(urlPathEqualTo(SUBSCRIPTION)).withHeader("If-Match", equalTo("\"7\"")));
    }

    @Test
    void refusalsAreShownAtTheirInputsOrAboveTheFormAndAChangeOfNothingSaysSo() {
        Map<String, Object> form = Browser.filledIn(leipzig.page(PAGE), "form[action$=/aenderung]");
        form.put("parameters.zustaendigeStelle.anschrift.plz", "04A09");
        answer(api, patch(urlPathEqualTo(SUBSCRIPTION)), 422, Fixtures.problem(422, "invalid-parameters", """
                [{"field": "parameters.zustaendigeStelle.anschrift.plz",
                  "message": "$.zustaendigeStelle.anschrift.plz: does not match the regex pattern ^[0-9]{5}$"}]"""));

        Response invalid = leipzig.post(CHANGE, form);

        assertThat(invalid.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(invalid.body().asString());
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-anschrift-plz-fehler").text())
                .isEqualTo("Fehler: Bitte genau 5 Ziffern angeben.");
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-anschrift-plz").val()).isEqualTo("04A09");
        assertThat(page.select("input[name=etag]").val()).as("still the version the person read").isEqualTo("\"7\"");

        answer(api, patch(urlPathEqualTo(SUBSCRIPTION)), 409, Fixtures.problem(409, "conflict", "[]"));
        Document conflict = Jsoup.parse(leipzig.post(CHANGE, form).body().asString());
        assertThat(conflict.select(".error-summary li").text()).startsWith("Dieser Schritt ist gerade nicht möglich.");

        answer(api, patch(urlPathEqualTo(SUBSCRIPTION)), 200, Fixtures.subscription("ACTIVE"), "\"7\"");
        Response unchanged = leipzig.post(CHANGE, form);
        assertThat(unchanged.header("Location")).endsWith(PAGE + "?unveraendert=true");
        assertThat(leipzig.page(PAGE + "?unveraendert=true").select("#hinweis").text())
                .isEqualTo("Plan und Konfiguration waren schon so; es wurde nichts geändert.");
    }

    @Test
    void theStatusesAfterActiveReadGermanWithWhatIsWaitingAndWhatFailed() {
        answer(api, get(SUBSCRIPTION), 200, Fixtures.subscription("UPDATING", """
                {"planId": "nutzungsbedingungen", "parameters": {},
                 "priceSnapshot": {"setupFeeCents": 0, "annualCents": 90000, "annualBaseCents": 90000,
                                   "annualPerInhabitantCents": 0, "population": 628718}, "contract": null}""", "null", """
                , {"status": "UPDATE_REQUESTED", "at": "2026-11-27T09:00:00Z",
                   "detail": "Update requested by bundler kisa (plan standard → nutzungsbedingungen, 0.00 € setup fee, \
                900.00 € a year); in effect until the provider confirms: plan standard, parameters {}, 500.00 € setup \
                fee, 13,774.36 € a year"}"""));

        Document updating = leipzig.page(PAGE);

        assertThat(updating.select("#abonnement-status").text()).isEqualTo("Wird geändert");
        assertThat(updating.select("#stand").attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(updating.select("#beantragt").text()).contains("Plan Mit Nutzungsbedingungen", "Jährlich 900,00 €");
        assertThat(updating.select("form")).as("nothing to change or cancel meanwhile").isEmpty();
        assertThat(updating.select("ol.history li").last().text()).as("plans by their names in the catalog")
                .endsWith("Änderung beantragt – von Bündler kisa: Plan „Standard“ → „Mit Nutzungsbedingungen“, "
                        + "Einrichtung 0,00 €, jährlich 900,00 €; bis der Anbieter die Änderung umsetzt, gelten Plan "
                        + "„Standard“, Konfiguration und Preis wie bisher");

        answer(api, get(SUBSCRIPTION), 200, Fixtures.subscription("UNUSABLE", "null", """
                {"reason": "the broker reported the update failed", "at": "2026-11-27T09:05:00Z"}""", ""));
        Document unusable = leipzig.page(PAGE);

        assertThat(unusable.select("#abonnement-status").text()).isEqualTo("Nicht nutzbar");
        assertThat(unusable.select("#letzte-aenderung").text()).contains("27.11.2026, 10:05:00 Uhr",
                "nicht nutzbar", "Grund: the broker reported the update failed");
        assertThat(unusable.select("a.button")).as("no dashboard of an unusable instance").isEmpty();
        assertThat(unusable.select("button").eachText()).contains("Änderung beantragen", "Abonnement kündigen");

        answer(api, get(SUBSCRIPTION), 200, Fixtures.subscription("SUSPENDED"));
        Document suspended = leipzig.page(PAGE);

        assertThat(suspended.select("#abonnement-status").text()).isEqualTo("Gesperrt");
        assertThat(suspended.select("#sperre").text()).contains("Kündigen ist weiter möglich");
        assertThat(suspended.select("button").eachText()).containsExactly("Abonnement kündigen");
    }
}
