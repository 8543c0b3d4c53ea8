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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import static de.efa.portal.Fixtures.LEIPZIG;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** What a municipality does for itself: registering, its invoice address and its bundlers' mandates. */
@QuarkusTest
class MunicipalityTest {

    private static final String TENANT = API + "/tenants/" + LEIPZIG;
    private static final String MANDATES = TENANT + "/mandates";

    @OidcWireMock
    WireMockServer api;

    private Browser leipzig;

    @BeforeEach
    void leipzigIsLoggedIn() {
        api.resetRequests();
        api.stubFor(get(TENANT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("ETag", "\"4\"").withBody(Fixtures.TENANT)));
        leipzig = Browser.municipality(api, LEIPZIG);
    }

    /** The navigation offers "Meine Abonnements" to every municipality; an unregistered one registers first. */
    @Test
    void anUnregisteredMunicipalityIsLedFromItsSubscriptionsAndFromTheRegistrationsAddressToTheForm() {
        answer(api, get(TENANT), 404, Fixtures.problem(404, "not-found", "[]"));
        answer(api, get(urlPathEqualTo(TENANT + "/subscriptions")), 404, Fixtures.problem(404, "not-found", "[]"));

        Response subscriptions = leipzig.get("/kommunen/" + LEIPZIG + "/abonnements");
        Response registration = leipzig.get("/kommune/registrierung");

        assertThat(subscriptions.statusCode()).isEqualTo(303);
        assertThat(subscriptions.header("Location")).endsWith("/kommune");
        assertThat(registration.statusCode()).isEqualTo(303);
        assertThat(registration.header("Location")).endsWith("/kommune");
        assertThat(leipzig.page("/kommune").select("h1").text()).isEqualTo("Kommune registrieren");
    }

    @Test
    void anUnregisteredMunicipalityRegistersWithItsInvoiceAddressAndSeesTheApisViolationsAtTheirInputs() {
        answer(api, get(TENANT), 404, Fixtures.problem(404, "not-found", "[]"));
        answer(api, post(API + "/tenants"), 400, Fixtures.problem(400, "validation", """
                [{"field": "contactEmail", "message": "must be an e-mail address"},
                 {"field": "leitwegId", "message": "has the check digits 12, but ISO 7064 MOD 97-10 gives 85 for 14713000LEIPZIG"}]"""));

        Document form = leipzig.page("/kommune");
        assertThat(form.select("h1").text()).isEqualTo("Kommune registrieren");
        assertThat(form.getElementById("f-ags").attr("value")).isEqualTo(LEIPZIG);

        Response refused = leipzig.post("/kommune/registrierung", Map.of("name", "Leipzig, Stadt",
                "kind", "KREISFREIE_STADT", "population", "628.718", "contactEmail", "leipzig", "ars", " ",
                "leitwegId", "14713000-LEIPZIG-12"));

        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-contactEmail-fehler").text()).contains("gültige E-Mail-Adresse");
        assertThat(page.getElementById("f-leitwegId-fehler").text()).contains("Sie lauten 85, nicht 12");
        assertThat(page.select("#f-kind option[selected]").text()).isEqualTo("Kreisfreie Stadt");
        api.verify(postRequestedFor(urlPathEqualTo(API + "/tenants")).withRequestBody(equalToJson("""
                {"ags": "14713000", "name": "Leipzig, Stadt", "kind": "KREISFREIE_STADT", "population": 628718,
                 "contactEmail": "leipzig", "ars": null, "leitwegId": "14713000-LEIPZIG-12"}""")));
    }

    @Test
    void theInvoiceAddressIsChangedUnderTheTenantsETag() {
        answer(api, put(TENANT + "/invoice-address"), 200, Fixtures.TENANT);

        Document form = leipzig.page("/kommune/rechnungsadresse");
        assertThat(form.getElementById("f-leitwegId").val()).isEqualTo("14713000-LEIPZIG-85");
        assertThat(form.getElementById("f-ars").val()).isEmpty();

        Map<String, Object> filledIn = Browser.filledIn(form, "main form");
        filledIn.put("ars", "147130000000");
        Response saved = leipzig.post("/kommune/rechnungsadresse", filledIn);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/kommune");
        api.verify(putRequestedFor(urlPathEqualTo(TENANT + "/invoice-address")).withHeader("If-Match", equalTo("\"4\""))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken()))
                .withRequestBody(equalToJson("""
                        {"ars": "147130000000", "leitwegId": "14713000-LEIPZIG-85"}""")));
    }

    @Test
    void aWrongInvoiceAddressIsExplainedAtItsInputsAndAStaleOneAboveThem() {
        answer(api, put(TENANT + "/invoice-address"), 400, Fixtures.problem(400, "validation", """
                [{"field": "ars", "message": "must contain the AGS 14713000: 14713, the 4 digits of the Gemeindeverband, then 000"},
                 {"field": "leitwegId", "message": "must be 2 to 12 digits, optionally '-' and 1 to 30 letters or digits, then '-' and two check digits, e.g. 04011000-1234512345-06"}]"""));
        leipzig.page("/kommune/rechnungsadresse");

        Response refused = leipzig.post("/kommune/rechnungsadresse", Map.of("etag", "\"4\"", "ars", "140000000000",
                "leitwegId", "Leipzig"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-ars-fehler").text()).contains("beginnt mit 14713", "000");
        assertThat(page.getElementById("f-leitwegId-fehler").text()).contains("zwei Prüfziffern");
        assertThat(page.getElementById("f-leitwegId").val()).isEqualTo("Leipzig");
        assertThat(page.select("input[name=etag]").val()).isEqualTo("\"4\"");

        answer(api, put(TENANT + "/invoice-address"), 412, Fixtures.problem(412, "precondition-failed", "[]"));
        Document stale = Jsoup.parse(leipzig.post("/kommune/rechnungsadresse", Map.of("etag", "\"3\"",
                "leitwegId", "14713000-LEIPZIG-85")).body().asString());
        assertThat(stale.select(".error-summary li").text()).startsWith("Inzwischen geändert.");
    }

    @Test
    void anInvoiceAddressChangedMeanwhileKeepsWhatWasTypedUnderTheNewVersion() {
        answer(api, put(TENANT + "/invoice-address"), 412, Fixtures.problem(412, "precondition-failed", "[]"));
        Document form = leipzig.page("/kommune/rechnungsadresse");
        api.stubFor(get(TENANT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("ETag", "\"5\"").withBody(Fixtures.TENANT)));
        Map<String, Object> typed = Browser.filledIn(form, "main form");
        typed.put("ars", "147130000000");

        Response refused = leipzig.post("/kommune/rechnungsadresse", typed);

        assertThat(refused.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".error-summary li").text()).contains("Jemand anderes hat die Rechnungsadresse",
                "Eingaben sind erhalten");
        assertThat(page.getElementById("f-ars").val()).isEqualTo("147130000000");
        assertThat(page.select("input[name=etag]").val()).as("the version saved meanwhile").isEqualTo("\"5\"");

        answer(api, put(TENANT + "/invoice-address"), 200, Fixtures.TENANT);
        Response saved = leipzig.post("/kommune/rechnungsadresse", Browser.filledIn(page, "main form"));

        assertThat(saved.statusCode()).isEqualTo(303);
        api.verify(putRequestedFor(urlPathEqualTo(TENANT + "/invoice-address")).withHeader("If-Match", equalTo("\"5\""))
                .withRequestBody(equalToJson("""
                        {"ars": "147130000000", "leitwegId": "14713000-LEIPZIG-85"}""")));
    }

    @Test
    void theMandatesAreReachedAPageAtATime() {
        answer(api, get(urlPathEqualTo(MANDATES)), 200, Fixtures.page(1, 25, 60, mandate("kisa")));

        Document page = leipzig.page("/kommune/mandate?seite=1");

        assertThat(page.select("caption").text()).isEqualTo("60 Mandate");
        assertThat(page.select("nav.pager a").eachAttr("href"))
                .containsExactly("/kommune/mandate?seite=0", "/kommune/mandate?seite=2");
        api.verify(getRequestedFor(urlPathEqualTo(MANDATES)).withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("25")));

        answer(api, delete(MANDATES + "/kisa"), 204, "");
        Response revoked = leipzig.post("/kommune/mandate/kisa/widerruf", Browser.filledIn(page, "form[action$=/widerruf]"));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.header("Location")).as("back to the page it was started from").endsWith("/kommune/mandate?seite=1");
    }

    /** Revoking the only mandate of the last page comes back to a page past the end. */
    @Test
    void aPageOfMandatesPastTheEndShowsTheLastPage() {
        answer(api, get(urlPathEqualTo(MANDATES)).withQueryParam("page", equalTo("1")), 200,
                Fixtures.page(1, 25, 25));
        answer(api, get(urlPathEqualTo(MANDATES)).withQueryParam("page", equalTo("0")), 200,
                Fixtures.page(0, 25, 25, mandate("kisa")));

        Document page = leipzig.page("/kommune/mandate?seite=1");

        assertThat(page.select("form[action$=/widerruf]")).hasSize(1);
        assertThat(page.select("caption").text()).isEqualTo("25 Mandate");
    }

    @Test
    void aRevocationTheTenantServiceRefusesShowsTheMandatesAsTheyAreNowAndWhyNothingHappened() {
        answer(api, get(urlPathEqualTo(MANDATES)), 200, Fixtures.page(1, 25, 60, mandate("kisa")));
        answer(api, delete(MANDATES + "/kisa"), 404, Fixtures.problem(404, "not-found", "[]"));
        Document list = leipzig.page("/kommune/mandate?seite=1");

        Response refused = leipzig.post("/kommune/mandate/kisa/widerruf",
                Browser.filledIn(list, "form[action$=/widerruf]"));

        Document page = RefusedSteps.shownAsItIsNow(refused, 404, "Mandate für Bündler",
                "Das Mandat für kisa wurde nicht widerrufen.", "Nicht gefunden", "not-found detail");
        assertThat(page.select(".error-summary")).as("the grant form has nothing to correct").isEmpty();
        assertThat(page.select("tbody tr").text()).contains("kisa");
        api.verify(2, getRequestedFor(urlPathEqualTo(MANDATES)).withQueryParam("page", equalTo("1")));
    }

    @Test
    void aBundlerIdIsEncodedInTheAddressOfItsRevocation() {
        answer(api, get(urlPathEqualTo(MANDATES)), 200, Fixtures.page(mandate("kisa süd/ost")));

        Document page = leipzig.page("/kommune/mandate");

        assertThat(page.select("form[action$=/widerruf]").attr("action"))
                .isEqualTo("/kommune/mandate/kisa%20s%C3%BCd%2Fost/widerruf");
    }

    @Test
    void aMandateIsGivenToABundlerByItsIdAndRevoked() {
        answer(api, get(urlPathEqualTo(MANDATES)), 200, Fixtures.page("""
                {"ags": "14713000", "bundlerId": "kisa", "grantedAt": "2026-11-26T10:15:30Z",
                 "grantedBy": "municipality 14713000"}"""));
        answer(api, post(MANDATES), 201, """
                {"ags": "14713000", "bundlerId": "lecos", "grantedAt": "2026-11-27T10:15:30Z",
                 "grantedBy": "municipality 14713000"}""");
        answer(api, delete(MANDATES + "/kisa"), 204, "");

        Document page = leipzig.page("/kommune/mandate");
        assertThat(page.select("tbody tr").text()).contains("kisa", "26.11.2026", "Kommune 14713000");

        Response granted = leipzig.post("/kommune/mandate", Map.of("bundlerId", " lecos "));
        assertThat(granted.statusCode()).isEqualTo(303);
        api.verify(postRequestedFor(urlPathEqualTo(MANDATES)).withRequestBody(equalToJson("{\"bundlerId\": \"lecos\"}"))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken())));

        leipzig.page("/kommune/mandate");
        Response revoked = leipzig.post("/kommune/mandate/kisa/widerruf", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        api.verify(deleteRequestedFor(urlPathEqualTo(MANDATES + "/kisa")));
    }

    @Test
    void aMandateForAnUnknownBundlerIsRefusedAtItsInput() {
        answer(api, get(urlPathEqualTo(MANDATES)), 200, Fixtures.page());
        answer(api, post(MANDATES), 404, Fixtures.problem(404, "not-found", "[]"));
        leipzig.page("/kommune/mandate");

        Response refused = leipzig.post("/kommune/mandate", Map.of("bundlerId", "niemand"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-bundlerId-fehler").text()).contains("gibt es nicht");
        assertThat(page.getElementById("f-bundlerId").val()).isEqualTo("niemand");
        assertThat(page.select("main").text()).contains("noch keinem Bündler ein Mandat");
    }

    @Test
    void theOverviewShowsTheInvoiceIdentityAndLeadsToItsPages() {
        Document page = leipzig.page("/kommune");

        assertThat(page.select("dl.facts").text()).contains("Leitweg-ID 14713000-LEIPZIG-85");
        assertThat(page.select("main a.button").eachAttr("href")).contains("/kommune/rechnungsadresse",
                "/kommune/mandate", "/kommunen/" + LEIPZIG + "/abonnements");
    }

    private static String mandate(String bundlerId) {
        return """
                {"ags": "14713000", "bundlerId": "%s", "grantedAt": "2026-11-26T10:15:30Z",
                 "grantedBy": "municipality 14713000"}""".formatted(bundlerId);
    }
}
