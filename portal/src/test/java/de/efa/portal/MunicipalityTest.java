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

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.LEIPZIG;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.SUBSCRIPTION_ID;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class MunicipalityTest {

    private static final String FORM = "/kommune/abonnieren/" + SERVICE_ID + "/standard";
    private static final String SUBSCRIPTIONS = API + "/tenants/" + LEIPZIG + "/subscriptions";

    @OidcWireMock
    WireMockServer api;

    private Browser leipzig;

    @BeforeEach
    void leipzigIsLoggedIn() {
        api.resetRequests();
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE);
        answer(api, get(API + "/tenants/" + LEIPZIG), 200, Fixtures.TENANT);
        leipzig = Browser.municipality(api, LEIPZIG);
    }

    @Test
    void theSubscribeFormIsGeneratedFromThePlansSchema() {
        Document page = leipzig.page(FORM);

        Element group = page.selectFirst("fieldset#f-parameters-zustaendigeStelle");
        assertThat(group.selectFirst("legend").text()).isEqualTo("Zuständige Stelle (Pflichtangabe)");
        assertThat(group.select("fieldset#f-parameters-zustaendigeStelle-anschrift legend").text()).startsWith("Anschrift");
        Element name = page.getElementById("f-parameters-zustaendigeStelle-name");
        assertThat(name.attr("name")).isEqualTo("parameters.zustaendigeStelle.name");
        assertThat(page.select("label[for=f-parameters-zustaendigeStelle-name]").text()).isEqualTo("Name (Pflichtangabe)");
        assertThat(page.getElementById(name.attr("aria-describedby")).text())
                .isEqualTo("Beispiel: Stadt Leipzig, Ordnungsamt");
        assertThat(page.select("label[for=f-parameters-zustaendigeStelle-email]").text()).isEqualTo("Email");
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-email").attr("type")).isEqualTo("email");
        assertThat(page.select("select#f-parameters-postfach-art option").eachAttr("value"))
                .containsExactly("", "BUNDID", "FIT_CONNECT", "OSCI_XTA");
        assertThat(page.getElementById("f-parameters-gebuehrCents").attr("inputmode")).isEqualTo("numeric");
        assertThat(page.select("form").attr("novalidate")).isNotNull();
        assertThat(page.select("input[name=csrf-token]")).hasSize(1);
        assertThat(page.select(".lead").text()).contains("jährlich 13.774,36 €");
    }

    @Test
    void aSubmittedFormBecomesTheConfigurationAndLeadsToTheNewSubscription() {
        answer(api, post(SUBSCRIPTIONS), 202, Fixtures.subscription("REQUESTED"));
        leipzig.page(FORM);

        Response answer = leipzig.post(FORM, Map.of(
                "parameters.zustaendigeStelle.name", "Stadt Leipzig, Ordnungsamt",
                "parameters.zustaendigeStelle.anschrift.plz", " 04109 ",
                "parameters.zustaendigeStelle.anschrift.ort", "",
                "parameters.postfach.art", "FIT_CONNECT",
                "parameters.gebuehrCents", "4330"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/kommune/abonnements/" + SUBSCRIPTION_ID);
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken()))
                .withRequestBody(equalToJson("""
                        {"serviceId": "%s", "planId": "standard", "parameters": {
                          "zustaendigeStelle": {"name": "Stadt Leipzig, Ordnungsamt", "anschrift": {"plz": "04109"}},
                          "postfach": {"art": "FIT_CONNECT"}, "gebuehrCents": 4330}}""".formatted(SERVICE_ID))));
    }

    @Test
    void theApisViolationsAreShownAtTheirInputsAndInASummary() {
        answer(api, post(SUBSCRIPTIONS), 422, Fixtures.problem(422, "invalid-parameters", """
                [{"field": "parameters.zustaendigeStelle.anschrift.plz",
                  "message": "$.zustaendigeStelle.anschrift.plz: does not match the regex pattern ^[0-9]{5}$"},
                 {"field": "parameters.postfach.art", "message": "required property 'art' not found"}]"""));
        leipzig.page(FORM);

        Response answer = leipzig.post(FORM, Map.of("parameters.zustaendigeStelle.name", "Ordnungsamt",
                "parameters.zustaendigeStelle.anschrift.plz", "04A09"));

        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body().asString());
        Element plz = page.getElementById("f-parameters-zustaendigeStelle-anschrift-plz");
        assertThat(plz.attr("value")).isEqualTo("04A09");
        assertThat(plz.attr("aria-invalid")).isEqualTo("true");
        Element message = page.getElementById(plz.attr("aria-describedby"));
        assertThat(message.text()).isEqualTo("Fehler: Bitte genau 5 Ziffern angeben.");
        assertThat(page.getElementById("f-parameters-postfach-art-fehler").text())
                .isEqualTo("Fehler: Bitte ausfüllen: Das ist eine Pflichtangabe.");
        assertThat(page.select(".error-summary a").eachAttr("href"))
                .containsExactly("#f-parameters-zustaendigeStelle-anschrift-plz", "#f-parameters-postfach-art");
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-name").attr("value")).isEqualTo("Ordnungsamt");
    }

    @Test
    void aRefusalWithoutViolationsIsOneGermanMessageAboveTheForm() {
        answer(api, post(SUBSCRIPTIONS), 409, Fixtures.problem(409, "conflict", "[]"));
        leipzig.page(FORM);

        Response answer = leipzig.post(FORM, Map.of("parameters.zustaendigeStelle.name", "Ordnungsamt"));

        Document page = Jsoup.parse(answer.body().asString());
        assertThat(page.select(".error-summary li").text())
                .startsWith("Dieser Schritt ist gerade nicht möglich.").contains("conflict detail");
    }

    @Test
    void mySubscriptionsShowStatusHistoryDashboardAndCancelling() {
        answer(api, get(urlPathEqualTo(SUBSCRIPTIONS)), 200, Fixtures.page(Fixtures.subscription("ACTIVE")));
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("ACTIVE"));
        answer(api, delete(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 202,
                Fixtures.subscription("CANCELLATION_REQUESTED"));

        Document list = leipzig.page("/kommune/abonnements");
        assertThat(list.select("tbody tr").text())
                .contains("Führerschein digital beantragen", "standard", "Aktiv", "13.774,36 €");

        Document detail = leipzig.page("/kommune/abonnements/" + SUBSCRIPTION_ID);
        assertThat(detail.select("#abonnement-status").text()).isEqualTo("Aktiv");
        assertThat(detail.select("#stand").attr("hx-trigger")).isEmpty();
        assertThat(detail.select("a.button").attr("href"))
                .isEqualTo("http://localhost:8090/dashboard/" + SUBSCRIPTION_ID);
        assertThat(detail.select("ol li").eachText()).hasSize(2).first().asString().contains("Beantragt");

        Response cancelled = leipzig.post("/kommune/abonnements/" + SUBSCRIPTION_ID + "/kuendigung", Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(303);
        api.verify(deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken())));
    }

    @Test
    void aSubscriptionInFlightKeepsItsPageCurrent() {
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("PROVISIONING"));

        Document detail = leipzig.page("/kommune/abonnements/" + SUBSCRIPTION_ID);

        assertThat(detail.select("#stand").attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(detail.select("#abonnement-status").text()).isEqualTo("Wird eingerichtet");
        assertThat(detail.select("button.danger")).isEmpty();
    }

    @Test
    void anUnregisteredMunicipalityRegistersAndSeesTheApisViolationsAtTheirInputs() {
        answer(api, get(API + "/tenants/" + LEIPZIG), 404, Fixtures.problem(404, "not-found", "[]"));
        answer(api, post(API + "/tenants"), 400, Fixtures.problem(400, "validation", """
                [{"field": "contactEmail", "message": "must be an e-mail address"}]"""));

        Document form = leipzig.page("/kommune");
        assertThat(form.select("h1").text()).isEqualTo("Kommune registrieren");
        assertThat(form.getElementById("f-ags").attr("value")).isEqualTo(LEIPZIG);

        Response refused = leipzig.post("/kommune/registrierung", Map.of("name", "Leipzig, Stadt",
                "kind", "KREISFREIE_STADT", "population", "628.718", "contactEmail", "leipzig"));

        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-contactEmail-fehler").text()).contains("gültige E-Mail-Adresse");
        assertThat(page.select("#f-kind option[selected]").text()).isEqualTo("Kreisfreie Stadt");
        api.verify(postRequestedFor(urlPathEqualTo(API + "/tenants")).withRequestBody(equalToJson("""
                {"ags": "14713000", "name": "Leipzig, Stadt", "kind": "KREISFREIE_STADT", "population": 628718,
                 "contactEmail": "leipzig"}""")));
    }
}
