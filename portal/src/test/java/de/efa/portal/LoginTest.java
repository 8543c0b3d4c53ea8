package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class LoginTest {

    @OidcWireMock
    WireMockServer oidc;

    @Test
    void aPageForMunicipalitiesSendsAnAnonymousVisitorToKeycloakWithPkce() {
        Response challenge = Browser.anonymous().get("/kommunen/14713000/abonnements");

        assertThat(challenge.statusCode()).isEqualTo(302);
        assertThat(challenge.header("Location"))
                .contains("/auth/realms/quarkus")
                .contains("response_type=code")
                .contains("client_id=efa-portal")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("redirect_uri=http%3A%2F%2Flocalhost%3A" )
                .contains("%2Fanmelden");
    }

    @Test
    void theCodeIsExchangedWithItsVerifierAndThePersonLandsOnThePagesOfTheirRole() {
        Browser operator = Browser.operator(oidc);

        oidc.verify(postRequestedFor(urlPathEqualTo(Browser.TOKEN_PATH))
                .withRequestBody(containing("code_verifier="))
                .withRequestBody(containing("client_id=efa-portal")));
        Response landing = operator.get("/anmelden");
        assertThat(landing.statusCode()).isEqualTo(303);
        assertThat(landing.header("Location")).endsWith("/betrieb");
    }

    @Test
    void aMunicipalityMayNotOpenTheOperatorsPagesAndIsToldSoInGerman() {
        Browser leipzig = Browser.municipality(oidc, "14713000");

        Response refused = leipzig.get("/betrieb/auftraege");

        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = org.jsoup.Jsoup.parse(refused.body().asString());
        assertThat(page.select("h1").text()).isEqualTo("Keine Berechtigung");
        assertThat(page.select("nav[aria-label=Hauptnavigation]").text()).contains("Meine Abonnements")
                .doesNotContain("Bereitstellungsaufträge");
    }

    @Test
    void loggingOutEndsTheSessionAtKeycloakAndReturnsToTheSchaufenster() {
        Browser operator = Browser.operator(oidc);

        Response logout = operator.get("/abmelden");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.header("Location")).contains("post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A")
                .contains("id_token_hint=");
        assertThat(operator.get("/kommune").statusCode()).as("the session is gone").isEqualTo(302);
    }
}
