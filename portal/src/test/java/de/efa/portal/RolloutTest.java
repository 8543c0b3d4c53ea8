package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.BAD_LAUSICK;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk onboarding: the operators import the municipality directory, and operators and bundlers roll a plan out to
 * many municipalities at once and follow it municipality by municipality.
 */
@QuarkusTest
class RolloutTest {

    private static final String ROLLOUTS = API + "/rollouts";
    private static final String ROLLOUT_ID = "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b";
    private static final String FORM = "/rollouts/neu/" + SERVICE_ID + "/standard";
    private static final String GEMEINDEN = """
            ags,name,land_code,population,source_year
            14729010,"Bad Lausick, Stadt",14,8036,2024
            1234,Irgendwo,14,100,2024
            14729020,Belgershain,15,3412,2024
            """;

    @OidcWireMock
    WireMockServer api;

    private Browser operator;

    @BeforeEach
    void operatorIsLoggedIn() {
        api.resetRequests();
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS);
        answer(api, get(API + "/bundlers/kisa"), 200, """
                {"id": "kisa", "name": "KISA", "contactEmail": "service@kisa.example"}""");
        answer(api, get(urlPathEqualTo(API + "/bundlers/kisa/clients")), 200, Fixtures.page(Fixtures.BAD_LAUSICK_TENANT,
                Fixtures.tenant("14729020", "Belgershain", 3412, "14729020-BELGERSHAIN-34")));
        operator = Browser.operator(api);
    }

    @Test
    void anImportShowsWhatItRegisteredAndEachRejectedLineInGerman() {
        answer(api, post(API + "/tenants/import"), 200, """
                {"created": 1, "existing": 10750, "rejected": [
                  {"line": 3, "reason": "ags '1234' is not 8 digits"},
                  {"line": 4, "reason": "land_code '15' is not the Land of AGS 14729020 (14)"}]}""");

        Document form = operator.page("/betrieb/import");
        assertThat(form.select("h1").text()).isEqualTo("Kommunen importieren");
        assertThat(form.select("form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("nav[aria-label=Hauptnavigation] a").eachText())
                .contains("Kommunen importieren", "Rollouts");
        Response imported = operator.upload("/betrieb/import", "datei", "gemeinden.csv", GEMEINDEN);

        assertThat(imported.statusCode()).isEqualTo(200);
        Document report = Jsoup.parse(imported.body().asString());
        assertThat(report.select("#ergebnis dl").text())
                .isEqualTo("Neu angelegt 1 Kommune Schon registriert 10.750 Kommunen Abgelehnt 2 Zeilen");
        assertThat(report.select("#abgelehnt caption").text()).isEqualTo("Abgelehnte Zeilen");
        assertThat(report.select("#abgelehnt tbody tr").eachText()).containsExactly(
                "3 Der Gemeindeschlüssel „1234“ hat nicht genau 8 Ziffern.",
                "4 Das Land „15“ passt nicht zum Gemeindeschlüssel 14729020 (Land 14).");
        api.verify(postRequestedFor(urlPathEqualTo(API + "/tenants/import"))
                .withHeader("Content-Type", containing("text/csv"))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken()))
                .withRequestBody(equalTo(GEMEINDEN)));
    }

    @Test
    void anImportRefusedWholeNamesItsLines() {
        answer(api, post(API + "/tenants/import"), 400, Fixtures.problem(400, "malformed-csv", """
                [{"field": "line 1", "message": "must be the header ags,name,land_code,population,source_year, \
                not ags;name"}]"""));
        operator.page("/betrieb/import");

        Response refused = operator.upload("/betrieb/import", "datei", "gemeinden.csv", "ags;name\n");

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#f-datei");
        assertThat(page.select(".error-summary").text()).contains("einen Fehler", "keine Kommune wurde angelegt");
        assertThat(page.select("#zeilen tbody tr").eachText()).containsExactly(
                "1 Die erste Zeile muss die Kopfzeile ags,name,land_code,population,source_year sein.");
        assertThat(page.select("#ergebnis")).isEmpty();
    }

    @Test
    void aChoiceWithCharactersALinkCannotCarryLeadsToTheFormOfExactlyThatChoice() {
        Response spaced = operator.get("/rollouts/neu?angebot=a b/c");
        Response piped = operator.get("/rollouts/neu?angebot=a|b/c");

        assertThat(spaced.statusCode()).isEqualTo(303);
        assertThat(spaced.header("Location")).endsWith("/rollouts/neu/a%20b/c");
        assertThat(piped.statusCode()).isEqualTo(303);
        assertThat(piped.header("Location")).endsWith("/rollouts/neu/a%7Cb/c");
    }

    @Test
    void anOperatorChoosesAPlanFromTheCatalogAndRollsItOutToAKreisAndAList() {
        answer(api, get(urlPathEqualTo(API + "/services")), 200, Fixtures.page(Fixtures.SERVICE_WITH_CONTRACTS));
        answer(api, post(ROLLOUTS), 202, rollout("RUNNING", counts(3, 3, 0, 0, 0, 0)));

        Document chooser = operator.page("/rollouts/neu");
        assertThat(chooser.select("label[for=f-angebot]").text()).startsWith("Leistung und Plan");
        assertThat(chooser.select("#f-angebot option").eachText()).containsExactly("Bitte wählen",
                "Führerschein digital beantragen – Plan Mit Nutzungsbedingungen",
                "Führerschein digital beantragen – Plan Nachnutzung",
                "Führerschein digital beantragen – Plan Standard");
        Response chosen = operator.get("/rollouts/neu?angebot=" + SERVICE_ID + "/standard");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.header("Location")).endsWith(FORM);

        Document form = operator.page(FORM);
        assertThat(form.select("#f-select legend").first().text()).isEqualTo("Welche Kommunen?");
        assertThat(form.select("label[for=f-select-all]").text()).isEqualTo("Alle freigegebenen Kommunen");
        assertThat(form.select("#f-select-land option").eachText()).contains("Jedes Land", "Sachsen");
        assertThat(form.getElementById("f-select-clientsOf")).isNull();
        assertThat(form.getElementById("f-parameters-zustaendigeStelle-name")).isNotNull();
        Map<String, Object> filled = Browser.filledIn(form, "form[method=post]");
        filled.put("select.kreis", "14729");
        filled.put("select.ags", "14729010\r\n14729020, 14729030");
        filled.put("parameters.zustaendigeStelle.name", "Landratsamt Leipzig");
        filled.put("parameters.zustaendigeStelle.anschrift.plz", "04552");
        filled.put("parameters.postfach.art", "FIT_CONNECT");
        Response started = operator.post(FORM, filled);

        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.header("Location")).endsWith("/rollouts/" + ROLLOUT_ID);
        api.verify(postRequestedFor(urlPathEqualTo(ROLLOUTS))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken()))
                .withHeader("Idempotency-Key", equalTo(form.select("input[name=idempotencyKey]").val()))
                .withRequestBody(equalToJson("""
                        {"serviceId": "%s", "planId": "standard", "acceptedTerms": null,
                         "parameters": {"zustaendigeStelle": {"name": "Landratsamt Leipzig",
                                                              "anschrift": {"plz": "04552"}},
                                        "postfach": {"art": "FIT_CONNECT"}},
                         "select": {"kreis": "14729", "ags": ["14729010", "14729020", "14729030"]}}"""
                        .formatted(SERVICE_ID))));
    }

    @Test
    void aViolationOfTheRolloutIsShownAtItsInputAndAnEmptySelectionAtTheGroup() {
        answer(api, post(ROLLOUTS), 422, Fixtures.problem(422, "validation", """
                [{"field": "parameters.zustaendigeStelle.anschrift.plz",
                  "message": "$.zustaendigeStelle.anschrift.plz: does not match the regex pattern ^[0-9]{5}$"},
                 {"field": "select", "message": "must name at least one of all, land, kreis, ags and clientsOf"}]"""));
        Document form = operator.page(FORM);
        Map<String, Object> filled = Browser.filledIn(form, "form[method=post]");
        filled.put("parameters.zustaendigeStelle.anschrift.plz", "4552");

        Response refused = operator.post(FORM, filled);

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-anschrift-plz-fehler").text())
                .isEqualTo("Fehler: Bitte genau 5 Ziffern angeben.");
        assertThat(page.getElementById("f-parameters-zustaendigeStelle-anschrift-plz").val()).isEqualTo("4552");
        assertThat(page.getElementById("f-select-fehler").text())
                .isEqualTo("Fehler: Bitte wählen Sie aus, an welche Kommunen ausgerollt wird.");
        assertThat(page.getElementById("f-select").attr("aria-describedby")).contains("f-select-fehler");
        assertThat(page.select(".error-summary a").eachAttr("href"))
                .containsExactly("#f-parameters-zustaendigeStelle-anschrift-plz", "#f-select");
        assertThat(page.select("input[name=idempotencyKey]").val()).as("a refused request is no reason to keep its key")
                .isNotEqualTo(form.select("input[name=idempotencyKey]").val());
        api.verify(postRequestedFor(urlPathEqualTo(ROLLOUTS)).withRequestBody(equalToJson("{\"select\": {}}", true,
                true)));
    }

    @Test
    void kisaRollsOutToItsClientsOnlyAcceptingTheTermsAndIsToldInGermanWhenRefused() {
        Browser kisa = Browser.bundler(api, "kisa");
        String termsForm = "/rollouts/neu/" + SERVICE_ID + "/nutzungsbedingungen";
        answer(api, post(ROLLOUTS), 403, Fixtures.problem(403, "forbidden", "[]"));

        Document form = kisa.page(termsForm);

        assertThat(form.getElementById("f-select-all")).as("all municipalities are the operators' choice").isNull();
        assertThat(form.select("main").text()).doesNotContain("Alle freigegebenen Kommunen");
        assertThat(form.getElementById("f-select-ags")).isNotNull();
        assertThat(form.select("#f-select-ags input[type=checkbox]").eachAttr("value"))
                .containsExactly(BAD_LAUSICK, "14729020");
        assertThat(form.select("label[for=f-select-ags-" + BAD_LAUSICK + "]").text()).isEqualTo("Bad Lausick, Stadt");
        assertThat(form.select("#f-select-clientsOf").val()).isEqualTo("kisa");
        assertThat(form.getElementById("f-acceptedTerms")).isNotNull();
        assertThat(kisa.page("/rollouts").select("nav[aria-label=Hauptnavigation] a").eachText()).contains("Rollouts");

        Map<String, Object> filled = Browser.filledIn(form, "form[method=post]");
        filled.put("select.ags", List.of(BAD_LAUSICK, "14729020"));
        filled.put("acceptedTerms", Fixtures.TERMS_VERSION);
        Response refused = kisa.post(termsForm, filled);

        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select(".error-summary").text()).contains("Keine Berechtigung",
                "nur an Kommunen aus, die ihm ein Mandat erteilt haben");
        assertThat(page.select("#f-select-ags input[checked]").eachAttr("value")).containsExactly(BAD_LAUSICK,
                "14729020");
        api.verify(postRequestedFor(urlPathEqualTo(ROLLOUTS))
                .withHeader("Authorization", equalTo("Bearer " + kisa.accessToken()))
                .withRequestBody(equalToJson("""
                        {"planId": "nutzungsbedingungen", "acceptedTerms": {"version": "%s"},
                         "select": {"ags": ["%s", "14729020"]}}""".formatted(Fixtures.TERMS_VERSION, BAD_LAUSICK),
                        false, true)));
    }

    @Test
    void anOperatorIsToldThatTermsAreTheMunicipalitysToAccept() {
        Document form = operator.page("/rollouts/neu/" + SERVICE_ID + "/nutzungsbedingungen");

        assertThat(form.getElementById("f-acceptedTerms")).isNull();
        assertThat(form.select("#bedingungen-betrieb").text()).contains("nimmt die Kommune oder ihr Bündler an");
    }

    @Test
    void aRunningRolloutShowsItsProgressAndItsMunicipalitiesFilteredByStatus() {
        answer(api, get(ROLLOUTS + "/" + ROLLOUT_ID), 200, rollout("RUNNING", counts(218, 0, 12, 190, 1, 15)));
        answer(api, get(urlPathEqualTo(ROLLOUTS + "/" + ROLLOUT_ID + "/items")), 200, Fixtures.page("""
                {"ags": "14713000", "tenantName": "Leipzig, Stadt", "status": "FAILED",
                 "subscriptionId": "%s", "reason": "the broker reported the operation failed"}"""
                .formatted(Fixtures.SUBSCRIPTION_ID)));

        Document page = operator.page("/rollouts/" + ROLLOUT_ID + "?status=FAILED");

        assertThat(page.select("h1").text()).isEqualTo("Rollout: Führerschein digital beantragen, Plan Standard");
        assertThat(page.select("#rollout-status").text()).isEqualTo("Läuft");
        assertThat(page.select("#stand").attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(page.select("#stand").attr("hx-get")).isEqualTo("/rollouts/" + ROLLOUT_ID + "?status=FAILED&seite=0");
        assertThat(page.select("progress#fortschritt").attr("value")).isEqualTo("94");
        assertThat(page.select("progress#fortschritt").attr("max")).isEqualTo("100");
        assertThat(page.select("progress#fortschritt").attr("aria-label")).isEqualTo("Fortschritt des Rollouts");
        assertThat(page.getElementById("fortschritt-text").text())
                .isEqualTo("206 von 218 Kommunen abgeschlossen (94 %)");
        assertThat(page.select("#zahlen").text()).isEqualTo("Ausgewählt 218 Kommunen Wartet 0 Beauftragt 12 Aktiv 190 "
                + "Interesse bekundet 0 Fehlgeschlagen 1 Übersprungen 15");
        assertThat(page.select("#auswahl").text()).isEqualTo("im Land Sachsen und im Kreis 14713");
        assertThat(page.select("#status option[selected]").text()).isEqualTo("Fehlgeschlagen");
        assertThat(page.select("#kommunen caption").text())
                .isEqualTo("1 Kommune mit dem Status „Fehlgeschlagen“, nach Gemeindeschlüssel");
        assertThat(page.select("#kommunen tbody tr").text()).isEqualTo(
                "14713000 Leipzig, Stadt Fehlgeschlagen the broker reported the operation failed Abonnement");
        assertThat(page.select("#kommunen tbody a").attr("href"))
                .isEqualTo("/kommunen/14713000/abonnements/" + Fixtures.SUBSCRIPTION_ID);
        api.verify(getRequestedFor(urlPathEqualTo(ROLLOUTS + "/" + ROLLOUT_ID + "/items"))
                .withQueryParam("status", equalTo("FAILED")).withQueryParam("page", equalTo("0"))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken())));

        answer(api, get(ROLLOUTS + "/" + ROLLOUT_ID), 200, rollout("DONE", counts(218, 0, 0, 202, 1, 15)));
        Document done = operator.page("/rollouts/" + ROLLOUT_ID);
        assertThat(done.select("#rollout-status").text()).isEqualTo("Abgeschlossen");
        assertThat(done.select("#stand").attr("hx-trigger")).isEmpty();
        assertThat(done.select("progress#fortschritt").attr("value")).isEqualTo("100");
        api.verify(getRequestedFor(urlPathEqualTo(ROLLOUTS + "/" + ROLLOUT_ID + "/items")).withoutQueryParam("status"));
    }

    @Test
    void whyAMunicipalityWasSkippedReadsGermanWithTheTenantServicesWordingAsItsTitle() {
        String pending = "Tenant 14729010 is PENDING; only an ACTIVE tenant can subscribe, conclude or change a "
                + "subscription";
        answer(api, get(ROLLOUTS + "/" + ROLLOUT_ID), 200, rollout("DONE", counts(2, 0, 0, 0, 0, 2)));
        answer(api, get(urlPathEqualTo(ROLLOUTS + "/" + ROLLOUT_ID + "/items")), 200, Fixtures.page("""
                {"ags": "14729010", "tenantName": "Bad Lausick, Stadt", "status": "SKIPPED", "subscriptionId": null,
                 "reason": "%s"}""".formatted(pending), """
                {"ags": "14729020", "tenantName": "Belgershain", "status": "SKIPPED", "subscriptionId": null,
                 "reason": "Tenant 14729020 already has a live subscription to service %s (one that is not \
                CANCELLED, FAILED, DECLINED, WITHDRAWN or EXPIRED)"}""".formatted(SERVICE_ID)));

        Document page = operator.page("/rollouts/" + ROLLOUT_ID + "?status=SKIPPED");

        assertThat(page.select("#kommunen tbody td:eq(3)").eachText()).containsExactly(
                "die Kommune 14729010 wartet noch auf ihre Freigabe durch den Betrieb; abonnieren kann nur eine "
                        + "freigegebene Kommune",
                "die Kommune 14729020 hat schon ein Abonnement der Leistung " + SERVICE_ID + ", das weder gekündigt "
                        + "noch fehlgeschlagen, abgelehnt, zurückgezogen oder abgelaufen ist");
        assertThat(page.select("#kommunen tbody td:eq(3) > span").eachAttr("title")).containsExactly(pending,
                "Tenant 14729020 already has a live subscription to service " + SERVICE_ID + " (one that is not "
                        + "CANCELLED, FAILED, DECLINED, WITHDRAWN or EXPIRED)");
    }

    @Test
    void oneMunicipalityIsCountedInTheSingularAndARolloutOfNoneSaysSo() {
        answer(api, get(urlPathEqualTo(ROLLOUTS)), 200, Fixtures.page(rollout("DONE", counts(1, 0, 0, 1, 0, 0)),
                rollout("DONE", counts(0, 0, 0, 0, 0, 0))));
        answer(api, get(ROLLOUTS + "/" + ROLLOUT_ID), 200, rollout("DONE", counts(1, 0, 0, 1, 0, 0)));
        answer(api, get(urlPathEqualTo(ROLLOUTS + "/" + ROLLOUT_ID + "/items")), 200, Fixtures.page("""
                {"ags": "14713000", "tenantName": "Leipzig, Stadt", "status": "ACTIVE", "subscriptionId": null,
                 "reason": null}"""));

        Document list = operator.page("/rollouts");
        Document rollout = operator.page("/rollouts/" + ROLLOUT_ID);

        assertThat(list.select("#rollouts tbody tr span[id$=-text]").eachText())
                .containsExactly("1 von 1 Kommune abgeschlossen (100 %)", "Keine Kommune ausgewählt");
        assertThat(rollout.select("#zahlen").text()).startsWith("Ausgewählt 1 Kommune Wartet");
        assertThat(rollout.select("#kommunen caption").text()).isEqualTo("1 Kommune, nach Gemeindeschlüssel");
    }

    @Test
    void theRolloutsAreListedNewestFirstWithTheirProgress() {
        answer(api, get(urlPathEqualTo(ROLLOUTS)), 200, Fixtures.page(rollout("RUNNING", counts(4, 2, 1, 1, 0, 0))));

        Document page = operator.page("/rollouts");

        assertThat(page.select("#rollouts caption").text()).isEqualTo("1 Rollout, neueste zuerst");
        assertThat(page.select("#rollouts tbody tr").text()).contains("Rollout vom 01.12.2026, 04:00:00 Uhr",
                "Betrieb des Marktplatzes", "Führerschein digital beantragen", "Plan Standard", "Läuft",
                "1 von 4 Kommunen abgeschlossen (25 %)");
        assertThat(page.select("#rollouts progress").attr("aria-label"))
                .isEqualTo("Fortschritt des Rollouts vom 01.12.2026, 04:00:00 Uhr");
        assertThat(page.select("#neuer-rollout").attr("href")).isEqualTo("/rollouts/neu");
        api.verify(getRequestedFor(urlPathEqualTo(ROLLOUTS)).withQueryParam("page", equalTo("0"))
                .withQueryParam("size", equalTo("25")));
    }

    @Test
    void aMunicipalityHasNoRolloutsNorImportAndAnonymousVisitorsAreSentToTheLogin() {
        Browser leipzig = Browser.municipality(api, Fixtures.LEIPZIG);

        for (String page : new String[] {"/rollouts", "/rollouts/neu", FORM, "/rollouts/" + ROLLOUT_ID,
                "/betrieb/import"}) {
            Response refused = leipzig.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(403);
            assertThat(Jsoup.parse(refused.body().asString()).select("h1").text()).isEqualTo("Keine Berechtigung");
            assertThat(Browser.anonymous().get(page).statusCode()).as(page).isEqualTo(302);
        }
        assertThat(leipzig.page("/kommune").select("nav[aria-label=Hauptnavigation] a").eachText())
                .doesNotContain("Rollouts", "Kommunen importieren");
        api.verify(0, getRequestedFor(urlPathEqualTo(ROLLOUTS)));
        api.verify(0, postRequestedFor(urlPathEqualTo(ROLLOUTS)));
    }

    private static String rollout(String status, String counts) {
        return """
                {"id": "%s", "serviceId": "%s", "planId": "standard", "status": "%s",
                 "select": {"land": "14", "kreis": "14713"}, "requestedBy": "operator 3f2a9c1e", "counts": %s,
                 "createdAt": "2026-12-01T03:00:00Z", "finishedAt": %s}"""
                .formatted(ROLLOUT_ID, SERVICE_ID, status, counts,
                        status.equals("DONE") ? "\"2026-12-01T03:00:40Z\"" : "null");
    }

    private static String counts(long selected, long pending, long subscribed, long active, long failed,
                                 long skipped) {
        return """
                {"selected": %d, "pending": %d, "subscribed": %d, "active": %d, "interestDeclared": 0, "failed": %d,
                 "skipped": %d}""".formatted(selected, pending, subscribed, active, failed, skipped);
    }
}
