package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.LEIPZIG;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.SUBSCRIPTION_ID;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' part of a subscription's life after ACTIVE: changing a subscription for a municipality, new
 * population figures, the reconciliation with the providers and its findings, and the audit trail of the services.
 */
@QuarkusTest
class OperationsTest {

    private static final String FINDINGS = API + "/provisioning/findings";
    private static final String FINDING_ID = "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c";
    private static final String RUN_ID = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c";
    private static final String GEMEINDEN = """
            ags,name,land_code,population,source_year
            14713000,"Leipzig, Stadt",14,630000,2025
            01001000,"Flensburg, Stadt",01,96326,2024
            """;

    @OidcWireMock
    WireMockServer api;

    private Browser operator;

    @BeforeEach
    void operatorIsLoggedIn() {
        api.resetRequests();
        operator = Browser.operator(api);
    }

    @Test
    void anOperatorChangesASubscriptionButLeavesItsTermsToTheMunicipality() {
        String page = "/kommunen/" + LEIPZIG + "/abonnements/" + SUBSCRIPTION_ID;
        String subscription = API + "/tenants/" + LEIPZIG + "/subscriptions/" + SUBSCRIPTION_ID;
        answer(api, get(API + "/services/" + SERVICE_ID), 200,
                Fixtures.service(Fixtures.UPDATABLE_PLAN, Fixtures.TERMS_PLAN));
        answer(api, get(API + "/tenants/" + LEIPZIG), 200, Fixtures.TENANT);
        answer(api, get(subscription), 200, Fixtures.subscription("ACTIVE"), "\"7\"");
        answer(api, patch(urlPathEqualTo(subscription)), 202, Fixtures.subscription("UPDATE_REQUESTED"));

        Document form = operator.page(page + "?plan=nutzungsbedingungen");

        assertThat(form.getElementById("f-acceptedTerms")).isNull();
        assertThat(form.select("#bedingungen-betrieb").text()).contains("nimmt die Kommune oder ihr Bündler an");
        Document current = operator.page(page);
        Response requested = operator.post(page + "/aenderung", Browser.filledIn(current, "form[action$=/aenderung]"));

        assertThat(requested.statusCode()).isEqualTo(303);
        api.verify(patchRequestedFor(urlPathEqualTo(subscription)).withHeader("If-Match", equalTo("\"7\""))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken())));
    }

    @Test
    void populationFiguresAreUploadedAndWhatTheyChangedIsShown() {
        answer(api, post(API + "/tenants/population"), 200, """
                {"updated": 1, "unchanged": 0, "unknownAgs": ["01001000"]}""");

        Document form = operator.page("/betrieb/einwohnerzahlen");
        assertThat(form.select("form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("label[for=f-datei]").text()).startsWith("Datei im Format des Gemeindeverzeichnisses");
        Response uploaded = operator.upload("/betrieb/einwohnerzahlen", "datei", "gemeinden.csv", GEMEINDEN);

        assertThat(uploaded.statusCode()).isEqualTo(200);
        Document report = Jsoup.parse(uploaded.body().asString());
        assertThat(report.select("#ergebnis dl").text())
                .isEqualTo("Geändert 1 Kommunen Unverändert 0 Kommunen Nicht registriert 1 Gemeindeschlüssel der Datei");
        assertThat(report.select("#unbekannt").text()).isEqualTo("01001000");
        api.verify(postRequestedFor(urlPathEqualTo(API + "/tenants/population"))
                .withHeader("Content-Type", containing("text/csv"))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken()))
                .withRequestBody(equalTo(GEMEINDEN)));
    }

    @Test
    void aMalformedPopulationFileIsRefusedWithItsLinesInGerman() {
        answer(api, post(API + "/tenants/population"), 400, Fixtures.problem(400, "malformed-csv", """
                [{"field": "line 3", "message": "population '12.5' is not a whole number of 0 or more"},
                 {"field": "line 7", "message": "AGS 14713000 is on line 2 already"}]"""));
        operator.page("/betrieb/einwohnerzahlen");

        Response refused = operator.upload("/betrieb/einwohnerzahlen", "datei", "gemeinden.csv", GEMEINDEN);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#f-datei");
        assertThat(page.select(".error-summary").text()).contains("2 Fehler", "keine Einwohnerzahl wurde geändert");
        assertThat(page.select("#zeilen tbody tr").eachText()).containsExactly(
                "3 Die Einwohnerzahl „12.5“ ist keine ganze Zahl ab 0.",
                "7 Der Gemeindeschlüssel 14713000 steht schon in Zeile 2.");
        assertThat(page.select("#ergebnis")).isEmpty();
    }
}
