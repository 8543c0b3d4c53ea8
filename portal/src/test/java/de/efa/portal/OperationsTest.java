package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
                .isEqualTo("Geändert 1 Kommune Unverändert 0 Kommunen Nicht registriert 1 Gemeindeschlüssel der Datei");
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

    @Test
    void findingsAreFilteredAndResolvedWithANote() {
        answer(api, get(urlPathEqualTo(FINDINGS)), 200, Fixtures.page(finding()));
        answer(api, post(FINDINGS + "/" + FINDING_ID + "/resolve"), 200, finding());

        Document open = operator.page("/betrieb/abgleich");
        assertThat(open.select("#befunde h3").text()).isEqualTo("Anderer Plan beim Anbieter");
        assertThat(open.select("#befunde dl").text()).contains("0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b",
                "http://localhost:8090", "27.11.2026, 04:00:04 Uhr");
        assertThat(open.select("#befunde pre").text()).contains("\"plan_id\" : \"premium\"");
        assertThat(open.select("#f-resolved option").eachText()).containsExactly("Offen", "Erledigt", "Alle");
        assertThat(open.select("#f-resolved option[selected]").text()).as("open ones unless asked").isEqualTo("Offen");
        api.verify(getRequestedFor(urlPathEqualTo(FINDINGS)).withQueryParam("resolved", equalTo("false")));

        operator.page("/betrieb/abgleich?kind=PLAN_DIFFERS&resolved=alle");
        api.verify(getRequestedFor(urlPathEqualTo(FINDINGS)).withQueryParam("kind", equalTo("PLAN_DIFFERS"))
                .withoutQueryParam("resolved"));

        Map<String, Object> form = Browser.filledIn(open, "form[action$=/erledigt]");
        form.put("note-" + FINDING_ID, "Plan beim Anbieter auf Wunsch der Kommune geändert");
        Response resolved = operator.post("/betrieb/abgleich/befunde/" + FINDING_ID + "/erledigt", form);

        assertThat(resolved.statusCode()).isEqualTo(303);
        assertThat(resolved.header("Location")).endsWith("/betrieb/abgleich?resolved=false&seite=0");
        api.verify(postRequestedFor(urlPathEqualTo(FINDINGS + "/" + FINDING_ID + "/resolve"))
                .withRequestBody(equalToJson("{\"note\": \"Plan beim Anbieter auf Wunsch der Kommune geändert\"}")));
    }

    @Test
    void theReasonOfAFindingsFailedJobReadsGerman() {
        String reason = "the broker refused the request with 422 UnprocessableEntity: no lock possible";
        answer(api, get(urlPathEqualTo(FINDINGS)), 200, Fixtures.page(finding()
                .replace("\"PLAN_DIFFERS\"", "\"SUSPENSION_NOT_CONFIRMED\"")
                .replace("\"answer\": {\"plan_id\": \"premium\"}}}", """
                        "answer": {"plan_id": "premium"}}, "jobId": "%s", "reason": "%s"}""".formatted(
                        Fixtures.JOB_ID, reason))));

        Document page = operator.page("/betrieb/abgleich");

        Element shown = page.selectFirst("#befunde dd[id^=grund-]");
        assertThat(shown.text()).startsWith("der Anbieter hat die Anfrage mit HTTP 422 abgelehnt: "
                + "UnprocessableEntity: no lock possible");
        assertThat(shown.selectFirst("[lang=en]").text()).isEqualTo(reason);
        assertThat(page.select("#befunde pre").text()).contains("\"reason\" : \"" + reason + "\"");
    }

    @Test
    void aFindingResolvedWithoutANoteShowsTheRefusalAtItsNote() {
        answer(api, get(urlPathEqualTo(FINDINGS)), 200, Fixtures.page(finding()));
        answer(api, post(FINDINGS + "/" + FINDING_ID + "/resolve"), 400, Fixtures.problem(400, "validation", """
                [{"field": "note", "message": "must not be blank"}]"""));
        Document open = operator.page("/betrieb/abgleich");

        Response refused = operator.post("/betrieb/abgleich/befunde/" + FINDING_ID + "/erledigt",
                Browser.filledIn(open, "form[action$=/erledigt]"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-note-" + FINDING_ID + "-fehler").text())
                .isEqualTo("Fehler: Bitte ausfüllen: Das ist eine Pflichtangabe.");
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#f-note-" + FINDING_ID);
        api.verify(postRequestedFor(urlPathEqualTo(FINDINGS + "/" + FINDING_ID + "/resolve"))
                .withRequestBody(equalToJson("{\"note\": null}")));
    }

    @Test
    void aReconciliationIsStartedAndItsResultFollowed() {
        answer(api, get(urlPathEqualTo(FINDINGS)), 200, Fixtures.page());
        answer(api, post(API + "/provisioning/reconciliations"), 202, run("RUNNING", "[]"));
        answer(api, get(API + "/provisioning/reconciliations/" + RUN_ID), 200, run("RUNNING", "[]"));
        operator.page("/betrieb/abgleich");

        Response started = operator.post("/betrieb/abgleich/laeufe", Map.of());

        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.header("Location")).endsWith("/betrieb/abgleich?lauf=" + RUN_ID);
        Document running = operator.page("/betrieb/abgleich?lauf=" + RUN_ID);
        assertThat(running.select("#lauf-status").text()).isEqualTo("Läuft");
        assertThat(running.select("#lauf").attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(running.select("main").text()).contains("Kein Befund passt zu diesen Filtern.");

        answer(api, get(API + "/provisioning/reconciliations/" + RUN_ID), 200, run("FINISHED", """
                [{"brokerUrl": "https://osb.dataport.example", "reason": "its catalog does not say \
                instances_retrievable", "instances": 16}]"""));
        Document finished = operator.page("/betrieb/abgleich?lauf=" + RUN_ID);
        assertThat(finished.select("#lauf-status").text()).isEqualTo("Abgeschlossen");
        assertThat(finished.select("#lauf").attr("hx-trigger")).isEmpty();
        assertThat(finished.select("#lauf-zahlen").text()).contains("Instanzen 120", "Beim Anbieter geprüft 100",
                "Neue Befunde 2", "Übersprungen 16");
        assertThat(finished.select("#lauf tbody tr td").eachText()).containsExactly("https://osb.dataport.example",
                "laut seinem Katalog lassen sich die Instanzen dort nicht abrufen (instances_retrievable ist nicht "
                        + "true) Wortlaut des Marktplatzes: its catalog does not say instances_retrievable", "16");
    }

    @Test
    void whyARunFailedAndWhyItLeftBrokersOutReadGermanWithTheMarketplacesWording() {
        answer(api, get(urlPathEqualTo(FINDINGS)), 200, Fixtures.page());
        answer(api, get(API + "/provisioning/reconciliations/" + RUN_ID), 200, run("FAILED", """
                [{"brokerUrl": null, "reason": "no broker is known for the service", "instances": 2},
                 {"brokerUrl": "https://osb.dataport.example", "reason": "the broker's catalog could not be read: \
                the broker answered 503", "instances": 14}]""")
                .replace("\"failureReason\": null", "\"failureReason\": \"the service stopped while it ran\""));

        Document page = operator.page("/betrieb/abgleich?lauf=" + RUN_ID);

        Element failure = page.selectFirst("#lauf .notice.warning");
        assertThat(failure.text()).startsWith("Grund: der marketplace-service wurde beendet, während der Abgleich lief");
        assertThat(failure.selectFirst("span[title]").attr("title")).isEqualTo("the service stopped while it ran");
        assertThat(failure.selectFirst("[lang=en]").text()).isEqualTo("the service stopped while it ran");
        assertThat(page.select("#lauf tbody tr td:eq(1) > span[title]").eachText()).containsExactly(
                "für die Leistung ist kein Broker bekannt",
                "der Katalog des Anbieters ließ sich nicht lesen: der Anbieter antwortete mit HTTP 503");
        assertThat(page.select("#lauf tbody tr td:eq(1) > span[title]").eachAttr("title")).containsExactly(
                "no broker is known for the service", "the broker's catalog could not be read: the broker answered 503");
        assertThat(page.select("#lauf tbody tr td:eq(0)").eachText()).containsExactly("kein Broker bekannt",
                "https://osb.dataport.example");
    }

    @Test
    void aReconciliationTheMarketplaceRefusesShowsTheFindingsAndWhyNoneStarted() {
        answer(api, get(urlPathEqualTo(FINDINGS)), 200, Fixtures.page(finding()));
        answer(api, post(API + "/provisioning/reconciliations"), 409, Fixtures.problem(409, "conflict", "[]"));
        operator.page("/betrieb/abgleich");

        Response refused = operator.post("/betrieb/abgleich/laeufe", Map.of());

        Document page = RefusedSteps.shownAsItIsNow(refused, 409, "Abgleich mit den Anbietern",
                "Es wurde kein Abgleich gestartet.", "conflict detail");
        assertThat(page.select("#befunde h3").text()).isEqualTo("Anderer Plan beim Anbieter");
        assertThat(page.select("button").eachText()).contains("Abgleich jetzt starten");
    }

    @Test
    void theAuditTrailsOfTheThreeServicesAreOneListNewestFirstWithACsvOfEach() {
        // The three services share the test server's URL: it answers them in the order the portal asks.
        auditAnswers(entry("c1", "2026-11-26T10:00:03.000001Z", "service.publish", "service:" + SERVICE_ID),
                entry("t1", "2026-11-26T10:00:02Z", "subscription.update", "subscription:" + SUBSCRIPTION_ID),
                entry("m1", "2026-11-26T10:00:01Z", "finding.resolve", "finding:" + FINDING_ID));
        api.stubFor(get(urlPathEqualTo(API + "/audit")).withHeader("Accept", equalTo("text/csv"))
                .willReturn(aResponse().withHeader("Content-Type", "text/csv; charset=UTF-8")
                        .withBody("id,at,actor,actorRole,onBehalfOf,action,target,outcome,details\r\n")));

        Document page = operator.page("/betrieb/protokoll?actor=3f2a&from=2026-11-01&to=30.11.2026");

        assertThat(page.select("tbody tr td:nth-child(2)").eachText())
                .containsExactly("Leistungskatalog", "Kommunenverwaltung", "Bereitstellung");
        assertThat(page.select("tbody tr").first().text()).contains("26.11.2026, 11:00:03 Uhr", "3f2a",
                "Bündler für tenant:14713000", "service.publish", "PUBLISHED", "\"planId\" : \"standard\"");
        assertThat(page.select("caption").text()).isEqualTo("3 Einträge, neueste zuerst");
        api.verify(3, getRequestedFor(urlPathEqualTo(API + "/audit"))
                .withQueryParam("actor", equalTo("3f2a"))
                .withQueryParam("from", equalTo("2026-10-31T23:00:00Z"))
                .withQueryParam("to", equalTo("2026-11-30T23:00:00Z"))
                .withQueryParam("page", equalTo("0")).withQueryParam("size", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken())));

        assertThat(page.select("#csv a").eachAttr("href")).containsExactly(
                "/betrieb/protokoll/catalog-service.csv?actor=3f2a&from=2026-11-01&to=30.11.2026",
                "/betrieb/protokoll/tenant-service.csv?actor=3f2a&from=2026-11-01&to=30.11.2026",
                "/betrieb/protokoll/marketplace-service.csv?actor=3f2a&from=2026-11-01&to=30.11.2026");
        Response csv = operator.get(page.select("#csv a").get(1).attr("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"audit-tenant-service.csv\"");
        assertThat(csv.body().asString()).startsWith("id,at,actor,actorRole");
    }

    @Test
    void anEntryWithoutDetailsShowsADashNotNull() {
        String withoutDetails = entry("c1", "2026-11-26T10:00:03Z", "service.publish", "service:" + SERVICE_ID)
                .replace("{\"planId\": \"standard\"}", "null");
        auditAnswers(withoutDetails, withoutDetails.replace("c1", "t1"), withoutDetails.replace("c1", "m1"));

        Document page = operator.page("/betrieb/protokoll");

        assertThat(page.select("tbody tr td:nth-child(7)").eachText()).containsExactly("–", "–", "–");
    }

    @Test
    void aDayTheCalendarDoesNotHaveIsShownAtItsInput() {
        Response refused = operator.get("/betrieb/protokoll?from=31.02.2026&to=2026-02-30");

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-from-fehler").text()).contains("Bitte ein Datum angeben");
        assertThat(page.getElementById("f-to-fehler").text()).contains("Bitte ein Datum angeben");
        assertThat(page.getElementById("f-from").val()).isEqualTo("31.02.2026");
        api.verify(0, getRequestedFor(urlPathEqualTo(API + "/audit")));
    }

    @Test
    void aFilterTheServicesRefuseIsShownAtItsInput() {
        answer(api, get(urlPathEqualTo(API + "/audit")), 400, Fixtures.problem(400, "validation", """
                [{"field": "target", "message": "must be a type (service) or type:id (service:5d1c7f0e-…)"}]"""));

        Response refused = operator.get("/betrieb/protokoll?target=Leipzig!&from=gestern");

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-from-fehler").text()).contains("Bitte ein Datum angeben");
        api.verify(0, getRequestedFor(urlPathEqualTo(API + "/audit")));

        Document target = Jsoup.parse(operator.get("/betrieb/protokoll?target=Leipzig!").body().asString());
        assertThat(target.getElementById("f-target-fehler").text()).contains("Art und Kennung");
        assertThat(target.getElementById("f-target").val()).isEqualTo("Leipzig!");
        assertThat(target.select("#csv")).isEmpty();
    }

    @Test
    void aMunicipalityDoesNotSeeTheOperatorsPages() {
        Browser leipzig = Browser.municipality(api, LEIPZIG);

        for (String page : new String[] {"/betrieb/abgleich", "/betrieb/einwohnerzahlen", "/betrieb/protokoll",
                "/betrieb/protokoll/tenant-service.csv"}) {
            Response refused = leipzig.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(403);
            Document explained = Jsoup.parse(refused.body().asString());
            assertThat(explained.select("h1").text()).isEqualTo("Keine Berechtigung");
            assertThat(explained.select("nav[aria-label=Hauptnavigation]").text()).doesNotContain("Protokoll");
        }
        assertThat(operator.page("/betrieb/einwohnerzahlen").select("nav[aria-label=Hauptnavigation] a").eachText())
                .contains("Abgleich", "Einwohnerzahlen", "Protokoll");
        api.verify(0, getRequestedFor(urlPathEqualTo(FINDINGS)));
    }

    private static String finding() {
        return """
                {"id": "%s", "kind": "PLAN_DIFFERS", "subscriptionId": "0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b",
                 "brokerUrl": "http://localhost:8090",
                 "evidence": {"believed": {"planId": "standard", "suspended": false},
                              "broker": {"request": "GET http://localhost:8090/v2/service_instances/0b9f2c5e",
                                         "requestIdentity": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "status": 200,
                                         "answer": {"plan_id": "premium"}}},
                 "detectedAt": "2026-11-27T03:00:04Z", "resolvedAt": null, "resolvedBy": null, "note": null}"""
                .formatted(FINDING_ID);
    }

    private static String run(String status, String skippedBrokers) {
        return """
                {"id": "%s", "requestedBy": "operator 3f2a9c1e", "status": "%s", "startedAt": "2026-11-27T08:00:00Z",
                 "finishedAt": null,
                 "counts": {"instances": 120, "checked": 100, "findings": 2, "known": 1, "inconclusive": 3, "busy": 1,
                            "skipped": 16},
                 "skippedBrokers": %s, "failureReason": null}""".formatted(RUN_ID, status, skippedBrokers);
    }

    private static String entry(String id, String at, String action, String target) {
        return """
                {"id": "%s", "at": "%s", "actor": "3f2a", "actorRole": "bundler", "onBehalfOf": "tenant:14713000",
                 "action": "%s", "target": "%s", "outcome": "PUBLISHED", "details": {"planId": "standard"}}"""
                .formatted(id, at, action, target);
    }

    /** Each service's page of one entry, answered in turn to the catalog, tenant and marketplace service. */
    private void auditAnswers(String... entries) {
        String[] states = {Scenario.STARTED, "tenant-service", "marketplace-service"};
        for (int i = 0; i < entries.length; i++) {
            api.stubFor(get(urlPathEqualTo(API + "/audit")).withHeader("Accept", equalTo("application/json"))
                    .inScenario("audit").whenScenarioStateIs(states[i])
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(Fixtures.page(entries[i])))
                    .willSetStateTo(states[(i + 1) % states.length]));
        }
        api.setScenarioState("audit", Scenario.STARTED);
    }
}
