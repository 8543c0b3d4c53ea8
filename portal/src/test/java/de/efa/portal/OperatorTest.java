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

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.JOB_ID;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OperatorTest {

    private static final String JOBS = API + "/provisioning/jobs";
    private static final String SUSPENDED_TENANT = Fixtures.TENANT.replace("\"ACTIVE\"", "\"SUSPENDED\"");

    @OidcWireMock
    WireMockServer api;

    private Browser operator;

    @BeforeEach
    void operatorIsLoggedIn() {
        api.resetRequests();
        answer(api, get(API + "/services/" + Fixtures.SERVICE_ID), 200, Fixtures.SERVICE);
        operator = Browser.operator(api);
    }

    @Test
    void pendingTenantsAreListedAndApproved() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200,
                Fixtures.page(Fixtures.TENANT.replace("\"ACTIVE\"", "\"PENDING\"")));
        answer(api, post(API + "/tenants/14713000/approve"), 200, Fixtures.TENANT);

        Document page = operator.page("/betrieb/kommunen");
        assertThat(page.select("tbody tr").text()).contains("Leipzig, Stadt", "14713000", "Sachsen", "628.718");
        assertThat(page.select("caption").text()).isEqualTo("1 Kommune");
        api.verify(getRequestedFor(urlPathEqualTo(API + "/tenants")).withQueryParam("status", equalTo("PENDING"))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken())));

        Response approved = operator.post("/betrieb/kommunen/14713000/freigabe", Map.of());
        assertThat(approved.statusCode()).isEqualTo(303);
        api.verify(postRequestedFor(urlPathEqualTo(API + "/tenants/14713000/approve")));
    }

    @Test
    void theFilterAllShowsEveryTenantAndKeepsItsChoiceThroughAStep() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, Fixtures.page(Fixtures.TENANT));
        answer(api, get(API + "/tenants/14713000"), 200, Fixtures.TENANT);
        answer(api, get(urlPathEqualTo(API + "/tenants/14713000/subscriptions")), 200, Fixtures.page());
        Document pending = operator.page("/betrieb/kommunen");
        String all = pending.select("#status option:contains(Alle)").attr("value");

        Document list = operator.page("/betrieb/kommunen?status=" + all);

        assertThat(all).isNotBlank();
        assertThat(list.select("#status option[selected]").text()).isEqualTo("Alle");
        assertThat(list.select("tbody tr").text()).contains("Leipzig, Stadt", "Freigegeben");
        api.verify(getRequestedFor(urlPathEqualTo(API + "/tenants")).withoutQueryParam("status"));
        assertThat(Browser.filledIn(list, "form[action$=/sperre]")).containsEntry("status", all);
        assertThat(operator.page("/kommunen/14713000/abonnements").select("a:contains(Zurück zu den Kommunen)")
                .attr("href")).isEqualTo("/betrieb/kommunen?status=" + all);
    }

    @Test
    void aMalformedIdOrFilterInTheAddressIsExplainedInGermanAtItsField() {
        answer(api, get(JOBS + "/abc"), 400, """
                {"type": "https://efa-marketplace.de/problems/invalid-parameters", "title": "Invalid", "status": 400,
                 "detail": "1 field is invalid", "violations": [{"field": "id", "message": "must be a UUID"}]}""");
        answer(api, get(urlPathEqualTo(API + "/tenants")), 400, """
                {"type": "https://efa-marketplace.de/problems/invalid-parameters", "title": "Invalid", "status": 400,
                 "detail": "1 field is invalid",
                 "violations": [{"field": "status", "message": "must be one of [PENDING, ACTIVE, SUSPENDED]"}]}""");
        answer(api, get(API + "/rollouts/abc"), 404, """
                {"type": "https://efa-marketplace.de/problems/not-found", "title": "Not Found", "status": 404,
                 "detail": "HTTP 404 Not Found"}""");

        Response job = operator.get("/betrieb/auftraege/abc");
        Response tenants = operator.get("/betrieb/kommunen?status=BOGUS");
        Response rollout = operator.get("/rollouts/abc");

        assertThat(job.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(job.body().asString()).select("main").text())
                .contains("Kennung: Bitte eine Kennung mit 36 Zeichen angeben").doesNotContain("field is invalid");
        assertThat(tenants.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tenants.body().asString()).select("main").text())
                .contains("Status: Bitte einen der vorgegebenen Werte wählen.").doesNotContain("field is invalid");
        assertThat(rollout.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(rollout.body().asString()).select("main").text())
                .contains("Nicht gefunden").doesNotContain("HTTP 404", "Hinweis des Dienstes");
    }

    @Test
    void everyTenantIsReachedAPageAtATime() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, """
                {"items": [%s], "page": 1, "size": 25, "total": 10751}""".formatted(Fixtures.TENANT));

        Document page = operator.page("/betrieb/kommunen?status=ACTIVE&seite=1");

        assertThat(page.select("caption").text()).isEqualTo("10751 Kommunen");
        assertThat(page.select("nav.pager a").eachAttr("href"))
                .containsExactly("/betrieb/kommunen?status=ACTIVE&seite=0", "/betrieb/kommunen?status=ACTIVE&seite=2");
        api.verify(getRequestedFor(urlPathEqualTo(API + "/tenants")).withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("25")).withQueryParam("status", equalTo("ACTIVE")));
    }

    @Test
    void aPageNumberThatIsNoNumberShowsTheFirstPage() {
        answer(api, get(urlPathEqualTo(JOBS)), 200, Fixtures.page(Fixtures.job("FAILED")));
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, Fixtures.page(Fixtures.TENANT));

        Response jobs = operator.get("/betrieb/auftraege?status=FAILED&seite=abc");
        Response tenants = operator.get("/betrieb/kommunen?status=ACTIVE&seite=1.5");

        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body().asString()).contains("standard-fails");
        assertThat(tenants.statusCode()).isEqualTo(200);
        assertThat(tenants.body().asString()).contains("Leipzig, Stadt");
        api.verify(getRequestedFor(urlPathEqualTo(JOBS)).withQueryParam("page", equalTo("0")));
        api.verify(getRequestedFor(urlPathEqualTo(API + "/tenants")).withQueryParam("page", equalTo("0")));
    }

    /** The services serve no page whose items start past the 100,000th (docs/http.md). */
    @Test
    void aPageDeeperThanTheServicesServeShowsTheDeepestTheyServe() {
        answer(api, get(urlPathEqualTo(JOBS)), 400, Fixtures.problem(400, "invalid-parameters", """
                [{"field": "page", "message": "page × size must be at most 100000"}]"""));
        answer(api, get(urlPathEqualTo(JOBS)).withQueryParam("page", equalTo("4000")), 200, """
                {"items": [], "page": 4000, "size": 25, "total": 30}""");
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, """
                {"items": [], "page": 4000, "size": 25, "total": 10751}""");
        answer(api, get(urlPathEqualTo(API + "/tenants")).withQueryParam("page", equalTo("430")), 200, """
                {"items": [%s], "page": 430, "size": 25, "total": 10751}""".formatted(Fixtures.TENANT));

        Response jobs = operator.get("/betrieb/auftraege?seite=4001");
        Response tenants = operator.get("/betrieb/kommunen?status=ACTIVE&seite=99999999999");

        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body().asString()).contains("Kein Auftrag passt zu diesen Filtern.");
        assertThat(tenants.statusCode()).isEqualTo(200);
        assertThat(tenants.body().asString()).as("the last page of the list").contains("Leipzig, Stadt");
        api.verify(getRequestedFor(urlPathEqualTo(JOBS)).withQueryParam("page", equalTo("4000"))
                .withQueryParam("size", equalTo("25")));
        api.verify(getRequestedFor(urlPathEqualTo(API + "/tenants")).withQueryParam("page", equalTo("4000")));
    }

    @Test
    void aJobFilterTheMarketplaceRefusesIsShownAtItsInputWithWhatWasTyped() {
        answer(api, get(urlPathEqualTo(JOBS)), 400, Fixtures.problem(400, "invalid-parameters", """
                [{"field": "ags", "message": "must be 8 digits"},
                 {"field": "serviceId", "message": "must be a UUID"}]"""));

        Response refused = operator.get("/betrieb/auftraege?status=FAILED&ags=1471300&leistung=Führerschein digital");

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = org.jsoup.Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-ags").val()).isEqualTo("1471300");
        assertThat(page.getElementById("f-ags").attr("aria-describedby")).isEqualTo("f-ags-fehler");
        assertThat(page.getElementById("f-ags-fehler").text()).contains("8 Ziffern");
        assertThat(page.getElementById("f-leistung").val()).isEqualTo("Führerschein digital");
        assertThat(page.getElementById("f-leistung-fehler").text()).contains("Kennung mit 36 Zeichen");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#f-ags", "#f-leistung");
        assertThat(page.select("#status option[selected]").text()).isEqualTo("Fehlgeschlagen");
        api.verify(getRequestedFor(urlPathEqualTo(JOBS)).withQueryParam("serviceId", equalTo("Führerschein digital")));
    }

    @Test
    void aJobsFailureReasonReadsGermanWithTheMarketplacesWordingInSmallerPrint() {
        String reason = "the broker answered 500; orphan mitigation did not complete after 1 attempts in PT1M30S: "
                + "could not connect to the broker: Connection refused";
        answer(api, get(JOBS + "/" + JOB_ID), 200, Fixtures.job("FAILED")
                .replace("the broker reported the operation failed", reason)
                .replace("\"failureKind\": null", "\"failureKind\": \"ORPHAN_LEFT\""));

        Document job = operator.page("/betrieb/auftraege/" + JOB_ID);

        Element notice = job.selectFirst(".notice");
        assertThat(notice.selectFirst("[title]").text()).isEqualTo("der Anbieter antwortete mit HTTP 500; das "
                + "Aufräumen (Löschen einer womöglich angelegten Instanz) ist nach 1 Versuch in 1 min 30 s nicht "
                + "gelungen: keine Verbindung zum Anbieter: Connection refused");
        assertThat(notice.selectFirst("[title]").attr("title")).isEqualTo(reason);
        assertThat(notice.selectFirst("[lang=en]").text()).isEqualTo(reason);
        assertThat(notice.text()).endsWith("Das Aufräumen ist gescheitert: beim Anbieter kann eine Instanz "
                + "zurückgeblieben sein.");
    }

    /**
     * The public catalog shows a deprecated service no more; the operator's token still reads it (docs/services.md).
     */
    @Test
    void aJobOfADeprecatedServiceNamesTheServiceAndPlanAsTheCatalogShowsThemToTheOperator() {
        String deprecated = Fixtures.SERVICE.replace("\"PUBLISHED\"", "\"DEPRECATED\"");
        answer(api, get(API + "/services/" + Fixtures.SERVICE_ID), 404, Fixtures.problem(404, "not-found", "[]"));
        answer(api, get(API + "/services/" + Fixtures.SERVICE_ID)
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken())), 200, deprecated);
        answer(api, get(urlPathEqualTo(JOBS)), 200,
                Fixtures.page(Fixtures.job("FAILED").replace("standard-fails", "standard")));

        Document list = operator.page("/betrieb/auftraege");

        assertThat(list.select("tbody tr").text()).contains("Führerschein digital beantragen", "Plan Standard")
                .doesNotContain(Fixtures.SERVICE_ID);
    }

    @Test
    void jobsAreFilteredAndAJobShowsEveryAttemptAndIsRetried() {
        answer(api, get(urlPathEqualTo(JOBS)), 200, Fixtures.page(Fixtures.job("FAILED")));
        answer(api, get(JOBS + "/" + JOB_ID), 200, Fixtures.job("FAILED")
                .replace("\"step\": \"DONE\"", "\"step\": \"CLEANUP_POLL\""));
        answer(api, post(JOBS + "/" + JOB_ID + "/retry"), 200, Fixtures.job("PENDING"));

        Document list = operator.page("/betrieb/auftraege?status=FAILED&ags=14713000");
        assertThat(list.select("tbody tr").text())
                .contains("14713000", "Führerschein digital beantragen", "standard-fails", "Einrichten", "Fehlgeschlagen");
        assertThat(list.select("#status option[selected]").text()).isEqualTo("Fehlgeschlagen");
        api.verify(getRequestedFor(urlPathEqualTo(JOBS)).withQueryParam("status", equalTo("FAILED"))
                .withQueryParam("ags", equalTo("14713000")));

        Document job = operator.page("/betrieb/auftraege/" + JOB_ID);
        assertThat(job.select("#auftrag-status").text()).isEqualTo("Fehlgeschlagen");
        assertThat(job.select("#auftrag [role=status]").text()).as("where a failed job stopped is no step it failed at")
                .doesNotContain("Schritt");
        assertThat(job.select("table tbody tr").text()).contains("PROVISION", "HTTP 202", "provision-1", "42 ms");
        assertThat(job.select(".notice").text()).contains("the broker reported the operation failed");

        Response retried = operator.post("/betrieb/auftraege/" + JOB_ID + "/wiederholung", Map.of());
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.header("Location")).endsWith("/betrieb/auftraege/" + JOB_ID);
        api.verify(postRequestedFor(urlPathEqualTo(JOBS + "/" + JOB_ID + "/retry")));
    }

    @Test
    void aChangeJobShowsThePlanBeforeWhatItsFailureMeansEachCallsIdentityAndLeadsToItsSubscription() {
        answer(api, get(JOBS + "/" + JOB_ID), 200, Fixtures.job("FAILED")
                .replace("\"previousPlanId\": null", "\"previousPlanId\": \"standard\"")
                .replace("\"operation\": \"PROVISION\"", "\"operation\": \"UPDATE\"")
                .replace("\"failureKind\": null", "\"failureKind\": \"INSTANCE_UNUSABLE\""));

        Document job = operator.page("/betrieb/auftraege/" + JOB_ID);

        assertThat(job.select("dl.facts").text()).contains("Vorgang Ändern", "Plan Standard → standard-fails");
        assertThat(job.select(".notice").text()).contains("nach der gescheiterten Änderung nicht mehr nutzbar");
        assertThat(job.select("tbody td").text()).contains("Anfragekennung 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
        assertThat(job.select("dl.facts a").eachAttr("href"))
                .contains("/kommunen/14713000/abonnements/" + Fixtures.SUBSCRIPTION_ID);
        assertThat(job.select("button")).extracting(org.jsoup.nodes.Element::text).doesNotContain("Auftrag wiederholen");
    }

    @Test
    void aChangeTheProviderRefusedSaysTheInstanceStaysUsable() {
        answer(api, get(JOBS + "/" + JOB_ID), 200, Fixtures.job("FAILED")
                .replace("\"operation\": \"PROVISION\"", "\"operation\": \"UPDATE\"")
                .replace("\"failureKind\": null", "\"failureKind\": \"INSTANCE_USABLE\""));

        Document job = operator.page("/betrieb/auftraege/" + JOB_ID);

        assertThat(job.select(".notice").text()).contains("die Instanz bleibt nach seiner Auskunft nutzbar")
                .doesNotContain("INSTANCE_USABLE");
    }

    @Test
    void aJobsStepItsCallsAndItsFailureKindReadGerman() {
        String call = """
                {"at": "2026-11-26T10:15:3%d Z", "action": "%s", "requestIdentity": null, "request": "GET x",
                 "requestBody": null, "status": 200, "answer": null, "durationMs": 5}""".replace(" Z", "Z");
        answer(api, get(JOBS + "/" + JOB_ID), 200, Fixtures.job("IN_PROGRESS")
                .replace("\"step\": \"DONE\"", "\"step\": \"CLEANUP_POLL\"")
                .replace("\"failureKind\": null", "\"failureKind\": \"NOT_ALLOWED\"")
                .replace("\"durationMs\": 42}]", "\"durationMs\": 42}, " + call.formatted(2, "LAST_OPERATION") + ", "
                        + call.formatted(3, "ORPHAN_MITIGATION") + ", "
                        + call.formatted(4, "ORPHAN_MITIGATION_LAST_OPERATION") + "]"));

        Document job = operator.page("/betrieb/auftraege/" + JOB_ID);

        assertThat(job.select("#auftrag [role=status]").text()).contains("Schritt: Aufräumen: Stand abfragen")
                .doesNotContain("CLEANUP_POLL");
        assertThat(job.select("table tbody tr td:eq(1)").eachText()).containsExactly("Einrichten (PROVISION)",
                "Stand abfragen (LAST_OPERATION)", "Aufräumen: Instanz löschen (ORPHAN_MITIGATION)",
                "Aufräumen: Stand abfragen (ORPHAN_MITIGATION_LAST_OPERATION)");
        assertThat(job.select(".notice").text()).contains("Adresse des Anbieters").doesNotContain("NOT_ALLOWED");
    }

    @Test
    void aJobInFlightKeepsItsPageCurrent() {
        answer(api, get(JOBS + "/" + JOB_ID), 200, Fixtures.job("IN_PROGRESS"));

        Document job = operator.page("/betrieb/auftraege/" + JOB_ID);

        assertThat(job.select("#auftrag").attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(job.select("dl.facts").text()).contains("Abgeschlossen noch nicht");
        assertThat(job.select("button")).extracting(org.jsoup.nodes.Element::text).doesNotContain("Auftrag wiederholen");
    }

    @Test
    void aRetryTheMarketplaceRefusesIsExplainedInGerman() {
        answer(api, post(JOBS + "/" + JOB_ID + "/retry"), 409, Fixtures.problem(409, "conflict", "[]"));
        answer(api, get(JOBS + "/" + JOB_ID), 200, Fixtures.job("FAILED"));
        operator.page("/betrieb/auftraege/" + JOB_ID);

        Response refused = operator.post("/betrieb/auftraege/" + JOB_ID + "/wiederholung", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body().asString()).contains("Dieser Schritt ist gerade nicht möglich", "Bereitstellung")
                .doesNotContain("\"violations\"");
        Document page = RefusedSteps.shownAsItIsNow(refused, 409, "Bereitstellungsauftrag",
                "Der Auftrag wurde nicht wiederholt.", "conflict detail");
        assertThat(page.select("#auftrag-status").text()).isEqualTo("Fehlgeschlagen");
        assertThat(page.select("#auftrag #hinweis")).as("the refresh of the job keeps the notice").isEmpty();
    }

    @Test
    void anApprovalReturnsToTheListAsTheOperatorFilteredIt() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200,
                Fixtures.page(1, 25, 60, Fixtures.TENANT.replace("\"ACTIVE\"", "\"PENDING\"")));
        answer(api, post(API + "/tenants/14713000/approve"), 200, Fixtures.TENANT);
        Document list = operator.page("/betrieb/kommunen?status=SUSPENDED&seite=1");

        Response approved = operator.post("/betrieb/kommunen/14713000/freigabe",
                Browser.filledIn(list, "form[action$=/freigabe]"));

        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(approved.header("Location")).endsWith("/betrieb/kommunen?status=SUSPENDED&seite=1");
    }

    /** Approving the only tenant of the last page of those waiting comes back to a page past the end. */
    @Test
    void aPagePastTheEndOfTheListShowsItsLastPage() {
        answer(api, get(urlPathEqualTo(API + "/tenants")).withQueryParam("page", equalTo("2")), 200,
                Fixtures.page(2, 25, 50));
        answer(api, get(urlPathEqualTo(API + "/tenants")).withQueryParam("page", equalTo("1")), 200,
                Fixtures.page(1, 25, 50, Fixtures.TENANT.replace("\"ACTIVE\"", "\"PENDING\"")));

        Document page = operator.page("/betrieb/kommunen?status=PENDING&seite=2");

        assertThat(page.select("tbody tr").text()).contains("Leipzig, Stadt");
        assertThat(page.select("nav.pager").text()).contains("Vorherige Seite", "Seite 2").doesNotContain("Nächste");
    }

    @Test
    void anApprovalTheTenantServiceRefusesShowsTheTenantsAsTheyAreNowAndWhyNothingHappened() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200,
                Fixtures.page(1, 25, 60, Fixtures.TENANT.replace("\"ACTIVE\"", "\"PENDING\"")));
        answer(api, post(API + "/tenants/14713000/approve"), 409, Fixtures.problem(409, "conflict", "[]"));
        Document list = operator.page("/betrieb/kommunen?status=SUSPENDED&seite=1");

        Response refused = operator.post("/betrieb/kommunen/14713000/freigabe",
                Browser.filledIn(list, "form[action$=/freigabe]"));

        Document page = RefusedSteps.shownAsItIsNow(refused, 409, "Kommunen",
                "Die Kommune 14713000 wurde nicht freigegeben.", "conflict detail");
        assertThat(page.select("tbody tr").text()).contains("Leipzig, Stadt");
        assertThat(page.select("#status option[selected]").text()).isEqualTo("Gesperrt");
        api.verify(2, getRequestedFor(urlPathEqualTo(API + "/tenants")).withQueryParam("page", equalTo("1"))
                .withQueryParam("status", equalTo("SUSPENDED")));
    }

    @Test
    void anActiveTenantIsSuspendedAfterAConfirmationOnAPageOfItsOwnAndTheListComesBackAsFiltered() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, Fixtures.page(1, 25, 60, Fixtures.TENANT));
        answer(api, get(API + "/tenants/14713000"), 200, Fixtures.TENANT);
        answer(api, post(API + "/tenants/14713000/suspend"), 200, SUSPENDED_TENANT);
        Document list = operator.page("/betrieb/kommunen?status=ACTIVE&seite=1");

        Element ask = list.selectFirst("form:has(button:contains(Sperren))");
        assertThat(ask.attr("method")).isEqualTo("get");
        assertThat(ask.attr("action")).isEqualTo("/betrieb/kommunen/14713000/sperre");
        assertThat(ask.select("button").attr("aria-label")).isEqualTo("Leipzig, Stadt sperren");
        assertThat(Browser.filledIn(list, "form[action$=/sperre]"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("status", "ACTIVE", "seite", "1"));
        assertThat(list.select("form[action$=/freigabe], form[action$=/entsperrung]")).isEmpty();

        Document confirm = operator.page("/betrieb/kommunen/14713000/sperre?status=ACTIVE&seite=1");

        assertThat(confirm.title()).isEqualTo("Kommune sperren: Leipzig, Stadt · EfA-Marktplatz");
        assertThat(confirm.select("h1").text()).isEqualTo("Leipzig, Stadt sperren?");
        assertThat(confirm.select(".lead").text()).contains("Anbieter", "Instanzen");
        Element form = confirm.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/betrieb/kommunen/14713000/sperre");
        assertThat(form.select("input[name=csrf-token]")).hasSize(1);
        assertThat(form.select("button").text()).isEqualTo("Ja, Leipzig, Stadt sperren");
        assertThat(form.select("a").attr("href")).isEqualTo("/betrieb/kommunen?status=ACTIVE&seite=1");
        api.verify(0, postRequestedFor(urlPathEqualTo(API + "/tenants/14713000/suspend")));

        Response suspended = operator.post("/betrieb/kommunen/14713000/sperre", Browser.filledIn(confirm, "main form"));

        assertThat(suspended.statusCode()).isEqualTo(303);
        assertThat(suspended.header("Location")).endsWith("/betrieb/kommunen?status=ACTIVE&seite=1");
        api.verify(postRequestedFor(urlPathEqualTo(API + "/tenants/14713000/suspend"))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken())));
    }

    @Test
    void aTenantThatIsNotActiveHasNoSuspensionToConfirm() {
        answer(api, get(API + "/tenants/14713000"), 200, SUSPENDED_TENANT);

        Response gone = operator.get("/betrieb/kommunen/14713000/sperre?status=ACTIVE&seite=1");

        assertThat(gone.statusCode()).isEqualTo(303);
        assertThat(gone.header("Location")).endsWith("/betrieb/kommunen?status=ACTIVE&seite=1");
    }

    @Test
    void aSuspensionTheTenantServiceRefusesShowsTheTenantsAsTheyAreNowAndWhyNothingHappened() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, Fixtures.page(1, 25, 60, SUSPENDED_TENANT));
        answer(api, get(API + "/tenants/14713000"), 200, Fixtures.TENANT);
        answer(api, post(API + "/tenants/14713000/suspend"), 409, Fixtures.problem(409, "conflict", "[]"));
        Document confirm = operator.page("/betrieb/kommunen/14713000/sperre?status=ACTIVE&seite=1");

        Response refused = operator.post("/betrieb/kommunen/14713000/sperre", Browser.filledIn(confirm, "main form"));

        Document page = RefusedSteps.shownAsItIsNow(refused, 409, "Kommunen",
                "Die Kommune 14713000 wurde nicht gesperrt.", "conflict detail");
        assertThat(page.select("tbody tr").text()).contains("Leipzig, Stadt", "Gesperrt");
        assertThat(page.select("button[aria-label=Leipzig, Stadt entsperren]")).hasSize(1);
        api.verify(getRequestedFor(urlPathEqualTo(API + "/tenants")).withQueryParam("page", equalTo("1"))
                .withQueryParam("status", equalTo("ACTIVE")));
    }

    @Test
    void aSuspendedTenantIsReactivatedWithOneClickAndTheListComesBackAsFiltered() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, Fixtures.page(1, 25, 60, SUSPENDED_TENANT));
        answer(api, post(API + "/tenants/14713000/reactivate"), 200, Fixtures.TENANT);
        Document list = operator.page("/betrieb/kommunen?status=SUSPENDED&seite=1");

        Element form = list.selectFirst("form[action=/betrieb/kommunen/14713000/entsperrung]");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.select("input[name=csrf-token]")).hasSize(1);
        assertThat(form.select("button").text()).isEqualTo("Entsperren");
        assertThat(form.select("button").attr("aria-label")).isEqualTo("Leipzig, Stadt entsperren");
        assertThat(list.select("form[action$=/sperre], form[action$=/freigabe]")).isEmpty();

        Response reactivated = operator.post("/betrieb/kommunen/14713000/entsperrung",
                Browser.filledIn(list, "form[action$=/entsperrung]"));

        assertThat(reactivated.statusCode()).isEqualTo(303);
        assertThat(reactivated.header("Location")).endsWith("/betrieb/kommunen?status=SUSPENDED&seite=1");
        api.verify(postRequestedFor(urlPathEqualTo(API + "/tenants/14713000/reactivate"))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken())));
    }

    @Test
    void aReactivationTheTenantServiceRefusesShowsTheTenantsAsTheyAreNowAndWhyNothingHappened() {
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, Fixtures.page(1, 25, 60, SUSPENDED_TENANT));
        answer(api, post(API + "/tenants/14713000/reactivate"), 409, Fixtures.problem(409, "conflict", "[]"));
        Document list = operator.page("/betrieb/kommunen?status=SUSPENDED&seite=1");
        answer(api, get(urlPathEqualTo(API + "/tenants")), 200, Fixtures.page(1, 25, 60, Fixtures.TENANT));

        Response refused = operator.post("/betrieb/kommunen/14713000/entsperrung",
                Browser.filledIn(list, "form[action$=/entsperrung]"));

        Document page = RefusedSteps.shownAsItIsNow(refused, 409, "Kommunen",
                "Die Kommune 14713000 wurde nicht entsperrt.", "conflict detail");
        assertThat(page.select("tbody tr").text()).contains("Leipzig, Stadt", "Freigegeben");
        assertThat(page.select("#status option[selected]").text()).isEqualTo("Gesperrt");
        assertThat(page.select("form[action$=/sperre]")).hasSize(1);
    }

    @Test
    void aMunicipalityMayNeitherSuspendNorReactivateATenant() {
        Browser leipzig = Browser.municipality(api, Fixtures.LEIPZIG);
        answer(api, get(API + "/tenants/14713000"), 200, Fixtures.TENANT);
        leipzig.page("/kommune/rechnungsadresse");

        assertThat(leipzig.get("/betrieb/kommunen").statusCode()).isEqualTo(403);
        assertThat(leipzig.get("/betrieb/kommunen/14713000/sperre").statusCode()).isEqualTo(403);
        assertThat(leipzig.post("/betrieb/kommunen/14713000/sperre", Map.of()).statusCode()).isEqualTo(403);
        assertThat(leipzig.post("/betrieb/kommunen/14713000/entsperrung", Map.of()).statusCode()).isEqualTo(403);
        api.verify(0, postRequestedFor(urlPathEqualTo(API + "/tenants/14713000/suspend")));
        api.verify(0, postRequestedFor(urlPathEqualTo(API + "/tenants/14713000/reactivate")));
    }

    @Test
    void theTimeToTheResultAndTheFinishedJobsPerMinuteAreChartsWithTheirFiguresAsText() {
        StringBuilder minutes = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            minutes.append(i == 0 ? "" : ", ").append("{\"minute\": \"2026-12-01T03:%02d:00Z\", \"finished\": %d}"
                    .formatted(i, i == 59 ? 180 : i % 3));
        }
        answer(api, get(API + "/provisioning/stats"), 200, """
                {"counts": {"PENDING": 0, "IN_PROGRESS": 0, "SUCCEEDED": 240, "FAILED": 0}, "total": 240,
                 "durationMs": {"p50": 1500, "p95": 86400000, "max": 90000000, "finished": 240},
                 "timeToActiveMs": {"p50": 1200, "p95": 3400, "max": 9100, "finished": 230},
                 "throughput": {"finishedLastMinute": 180, "overallPerSecond": 2.5}, "perMinute": [%s]}"""
                .formatted(minutes));

        Document figures = operator.page("/betrieb");

        var durations = figures.selectFirst("#dauer");
        assertThat(durations.select("svg").attr("aria-labelledby")).isEqualTo("dauer-titel");
        assertThat(durations.getElementById("dauer-titel").text()).isEqualTo("Dauer vom Antrag bis „Aktiv“");
        assertThat(durations.select("svg rect")).hasSize(3);
        assertThat(durations.select("svg rect title").eachText())
                .containsExactly("Median: 1,2 s", "95 %: 3,4 s", "Längste: 9,1 s");
        assertThat(durations.select("svg rect").last().attr("y")).as("the longest reaches the top").isEqualTo("12");
        assertThat(durations.getElementById("dauer-beschreibung").text()).isEqualTo(
                "Median 1,2 s, 95 % höchstens 3,4 s, längste 9,1 s, aus 230 gelungenen Bereitstellungen.");
        assertThat(durations.select("table tbody tr").eachText())
                .containsExactly("Median 1,2 s", "95 % 3,4 s", "Längste 9,1 s");

        var perMinute = figures.selectFirst("#durchsatz");
        assertThat(perMinute.select("svg rect")).hasSize(60);
        assertThat(perMinute.select("svg text.chart-label").eachText())
                .containsExactly("04:00", "04:10", "04:20", "04:30", "04:40", "04:50");
        assertThat(perMinute.getElementById("durchsatz-beschreibung").text()).isEqualTo(
                "Von 04:00 bis 04:59 Uhr 238 Aufträge abgeschlossen, in der stärksten Minute 180.");
        assertThat(perMinute.select("table tbody tr").last().text()).isEqualTo("04:59 180");
    }

    @Test
    void figuresAndDeadLettersAreShown() {
        answer(api, get(API + "/provisioning/stats"), 200, """
                {"counts": {"PENDING": 1, "IN_PROGRESS": 0, "SUCCEEDED": 40, "FAILED": 2}, "total": 43,
                 "durationMs": {"p50": 1200, "p95": 3400, "max": 9100, "finished": 42},
                 "throughput": {"finishedLastMinute": 5, "overallPerSecond": 0.5}}""");
        answer(api, get(urlPathEqualTo(API + "/provisioning/dead-letters")), 200, Fixtures.page("""
                {"id": "d1", "topic": "efa.onboarding.requests.v1", "partition": 0, "offset": 17, "key": "k",
                 "value": "not json", "headers": [], "reason": "the value is not JSON",
                 "receivedAt": "2026-11-26T10:15:30Z"}"""));

        Document figures = operator.page("/betrieb");
        assertThat(figures.select(".cards").text()).contains("43 Aufträge", "1,2 s", "3,4 s", "5 in der letzten Minute");
        assertThat(figures.select(".bars li").eachText()).contains("Erfolgreich 40", "Fehlgeschlagen 2");

        // A marketplace that gives no time to ACTIVE yet: the chart shows the time to the result.
        assertThat(figures.select("#dauer svg").attr("role")).isEqualTo("img");
        assertThat(figures.getElementById("dauer-titel").text()).isEqualTo("Dauer vom Antrag bis zum Ergebnis");
        assertThat(figures.select("main").text()).contains("meldet noch keinen Verlauf je Minute");

        Document letters = operator.page("/betrieb/unzustellbar");
        assertThat(letters.select("tbody tr").text()).contains("Offset 17", "the value is not JSON", "not json");
    }
}
