package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.BAD_LAUSICK;
import static de.efa.portal.Fixtures.INTEREST_ID;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** A bundler's staff: its clients, and ordering for each on the pages the municipality itself uses. */
@QuarkusTest
class BundlerTest {

    private static final String CLIENTS = API + "/bundlers/kisa/clients";
    private static final String SUBSCRIPTIONS = API + "/tenants/" + BAD_LAUSICK + "/subscriptions";

    @OidcWireMock
    WireMockServer api;

    private Browser kisa;

    @BeforeEach
    void kisaIsLoggedIn() {
        api.resetRequests();
        answer(api, get(API + "/bundlers/kisa"), 200, """
                {"id": "kisa", "name": "KISA – Zweckverband Kommunale Informationsverarbeitung Sachsen",
                 "contactEmail": "service@kisa.example", "createdAt": "2026-11-20T09:00:00Z"}""");
        answer(api, get(urlPathEqualTo(CLIENTS)), 200, Fixtures.page(Fixtures.BAD_LAUSICK_TENANT,
                Fixtures.tenant("14729020", "Belgershain", 3412, "14729020-BELGERSHAIN-34")));
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS);
        kisa = Browser.bundler(api, "kisa");
    }

    @Test
    void kisaLandsOnItsClientsWithTheirLeitwegIdsAndTheirSubscriptions() {
        assertThat(kisa.get("/anmelden").header("Location")).endsWith("/buendler");

        Document page = kisa.page("/buendler");

        assertThat(page.select("h1").text()).contains("KISA");
        assertThat(page.select("tbody tr").eachText()).containsExactly(
                "Bad Lausick, Stadt 14729010 Sachsen 8.036 fehlt Freigegeben",
                "Belgershain 14729020 Sachsen 3.412 14729020-BELGERSHAIN-34 Freigegeben");
        assertThat(page.select("tbody a").eachAttr("href")).containsExactly("/kommunen/14729010/abonnements",
                "/kommunen/14729020/abonnements");
        assertThat(page.select("nav[aria-label=Hauptnavigation] a").eachText()).contains("Meine Kommunen")
                .doesNotContain("Meine Abonnements");
        api.verify(getRequestedFor(urlPathEqualTo(CLIENTS)).withQueryParam("size", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer " + kisa.accessToken())));
    }

    @Test
    void kisaFollowsAClientsSubscriptionsOnTheMunicipalitysOwnPages() {
        answer(api, get(urlPathEqualTo(SUBSCRIPTIONS)), 200, Fixtures.page(Fixtures.offered()));
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.offered());

        Document list = kisa.page("/kommunen/" + BAD_LAUSICK + "/abonnements");
        assertThat(list.select("h1").text()).isEqualTo("Abonnements von Bad Lausick, Stadt");
        assertThat(list.select("tbody a").attr("href")).isEqualTo("/kommunen/14729010/abonnements/" + INTEREST_ID);

        Document detail = kisa.page("/kommunen/" + BAD_LAUSICK + "/abonnements/" + INTEREST_ID);
        assertThat(detail.select("button").eachText()).contains("Angebot annehmen");
        api.verify(getRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID))
                .withHeader("Authorization", equalTo("Bearer " + kisa.accessToken())));
        api.verify(0, getRequestedFor(urlPathEqualTo(API + "/tenants/" + BAD_LAUSICK)));
    }

    @Test
    void kisaChoosesAClientOnAServicePageAndDeclaresItsInterest() {
        answer(api, post(SUBSCRIPTIONS), 201, Fixtures.declaredInterest());

        Document anyClient = kisa.page("/leistungen/" + SERVICE_ID);
        assertThat(anyClient.select("#f-fuer option").eachText())
                .containsExactly("Bitte Kommune wählen", "Bad Lausick, Stadt", "Belgershain");
        assertThat(anyClient.select(".plan a.button")).isEmpty();

        Document forBadLausick = kisa.page("/leistungen/" + SERVICE_ID + "?fuer=" + BAD_LAUSICK);
        assertThat(forBadLausick.select("#f-fuer option[selected]").text()).isEqualTo("Bad Lausick, Stadt");
        assertThat(forBadLausick.select(".plan a.button").eachAttr("href")).containsExactly(
                "/kommunen/14729010/abonnieren/" + SERVICE_ID + "/standard",
                "/kommunen/14729010/abonnieren/" + SERVICE_ID + "/nutzungsbedingungen",
                "/kommunen/14729010/abonnieren/" + SERVICE_ID + "/nachnutzung");

        String form = "/kommunen/" + BAD_LAUSICK + "/abonnieren/" + SERVICE_ID + "/nachnutzung";
        Document page = kisa.page(form);
        assertThat(page.select(".lead").text()).startsWith("Für Bad Lausick, Stadt:");
        Response declared = kisa.post(form, Map.of("parameters.zustaendigeStelle.name", "Stadt Bad Lausick, Bauamt"));

        assertThat(declared.statusCode()).isEqualTo(303);
        assertThat(declared.header("Location")).endsWith("/kommunen/14729010/abonnements/" + INTEREST_ID);
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS))
                .withHeader("Authorization", equalTo("Bearer " + kisa.accessToken()))
                .withRequestBody(equalToJson("{\"planId\": \"nachnutzung\"}", false, true)));
    }

    @Test
    void aMunicipalityWithoutAMandateIsNoPageOfKisas() {
        Response refused = kisa.get("/kommunen/14713000/abonnieren/" + SERVICE_ID + "/standard");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body().asString()).contains("Keine Berechtigung", "Mandat");
    }
}
