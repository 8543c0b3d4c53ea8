package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static de.efa.portal.Fixtures.API;
import static de.efa.portal.Fixtures.INTEREST_ID;
import static de.efa.portal.Fixtures.LEIPZIG;
import static de.efa.portal.Fixtures.SERVICE_ID;
import static de.efa.portal.Fixtures.SUBSCRIPTION_ID;
import static de.efa.portal.Fixtures.TERMS_URL;
import static de.efa.portal.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** A municipality's subscriptions: the form generated from the plan, its contract, offers, and following them. */
@QuarkusTest
class SubscriptionTest {

    private static final String PAGES = "/kommunen/" + LEIPZIG;
    private static final String FORM = PAGES + "/abonnieren/" + SERVICE_ID + "/standard";
    private static final String SUBSCRIPTIONS = API + "/tenants/" + LEIPZIG + "/subscriptions";
    private static final String ACCEPTANCE = "Ich habe die Nutzungsbedingungen (Version 2026-01) gelesen und nehme sie an";

    @OidcWireMock
    WireMockServer api;

    private Browser leipzig;

    @BeforeEach
    void leipzigIsLoggedIn() {
        api.resetRequests();
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS);
        answer(api, get(API + "/tenants/" + LEIPZIG), 200, Fixtures.TENANT);
        leipzig = Browser.municipality(api, LEIPZIG);
    }

    /** The service's page says so already; the form says it too, rather than a refusal after it was filled in. */
    @Test
    void aServiceNotReleasedForTheMunicipalitysLandOffersNoFormAndSendsNothing() {
        leipzig.page(FORM);
        answer(api, get(API + "/services/" + SERVICE_ID), 200,
                Fixtures.SERVICE_WITH_CONTRACTS.replace("\"availableIn\": []", "\"availableIn\": [\"05\"]"));

        Response form = leipzig.get(PAGES + "/abonnieren/" + SERVICE_ID + "/nachnutzung");
        Response sent = leipzig.post(FORM, Map.of("parameters.postfach.art", "BUNDID"));

        for (Response refused : List.of(form, sent)) {
            assertThat(refused.statusCode()).isEqualTo(409);
            Document page = Jsoup.parse(refused.body().asString());
            assertThat(page.select("main .lead").text()).isEqualTo("„Führerschein digital beantragen“ ist für Sachsen "
                    + "nicht zur Nachnutzung freigegeben. Leipzig, Stadt kann die Leistung daher nicht abonnieren und "
                    + "kein Interesse an ihr bekunden.");
            assertThat(page.select("main form")).isEmpty();
            assertThat(page.select("main a:contains(Zurück zur Leistung)").attr("href"))
                    .isEqualTo("/leistungen/" + SERVICE_ID);
        }
        api.verify(0, postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)));
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
        assertThat(page.getElementById("f-acceptedTerms")).as("a plan without a contract asks for no terms").isNull();
        assertThat(page.select("main form button").text()).isEqualTo("Verbindlich abonnieren");
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
        assertThat(answer.header("Location")).endsWith(PAGES + "/abonnements/" + SUBSCRIPTION_ID);
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken()))
                .withRequestBody(equalToJson("""
                        {"serviceId": "%s", "planId": "standard", "parameters": {
                          "zustaendigeStelle": {"name": "Stadt Leipzig, Ordnungsamt", "anschrift": {"plz": "04109"}},
                          "postfach": {"art": "FIT_CONNECT"}, "gebuehrCents": 4330},
                         "acceptedTerms": null}""".formatted(SERVICE_ID))));
    }

    @Test
    void aViolationOfOneEntryOfAListIsShownAtTheListSayingWhichEntry() {
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS.replace(
                "\"gebuehrCents\": {\"type\": \"integer\", \"minimum\": 0}}}",
                "\"gebuehrCents\": {\"type\": \"integer\", \"minimum\": 0}, \"postleitzahlen\": {\"type\": \"array\", "
                        + "\"items\": {\"type\": \"string\", \"pattern\": \"^[0-9]{5}$\"}}}}"));
        answer(api, post(SUBSCRIPTIONS), 422, Fixtures.problem(422, "invalid-parameters", """
                [{"field": "parameters.postleitzahlen[1]",
                  "message": "$.postleitzahlen[1]: does not match the regex pattern ^[0-9]{5}$"}]"""));
        leipzig.page(FORM);

        Response answer = leipzig.post(FORM, Map.of("parameters.postleitzahlen", "04109\n0410"));

        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body().asString());
        Element list = page.getElementById("f-parameters-postleitzahlen");
        assertThat(list.attr("name")).isEqualTo("parameters.postleitzahlen");
        assertThat(list.attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("f-parameters-postleitzahlen-fehler").text())
                .isEqualTo("Fehler: Eintrag 2: Bitte genau 5 Ziffern angeben.");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#f-parameters-postleitzahlen");
    }

    /** Titles and labelled choices, as docs/services.md describes a plan's parameters. */
    @Test
    void aChoiceWithLabelsShowsItsTitlesSendsItsValuesAndItsViolationIsShownAtIt() {
        answer(api, get(API + "/services/" + SERVICE_ID), 200, Fixtures.SERVICE_WITH_CONTRACTS.replace(
                "\"gebuehrCents\": {\"type\": \"integer\", \"minimum\": 0}}}",
                "\"gebuehrCents\": {\"type\": \"integer\", \"minimum\": 0}, \"zahlung\": {\"type\": \"string\", "
                        + "\"title\": \"Zahlungsdienst\", \"oneOf\": [{\"const\": \"EPAYBL\", \"title\": \"ePayBL\"}, "
                        + "{\"const\": \"KEINER\", \"title\": \"keiner\"}]}}}"));
        answer(api, post(SUBSCRIPTIONS), 202, Fixtures.subscription("REQUESTED"));

        Document form = leipzig.page(FORM);
        assertThat(form.select("label[for=f-parameters-zahlung]").text()).isEqualTo("Zahlungsdienst");
        Elements options = form.select("select#f-parameters-zahlung option");
        assertThat(options.eachAttr("value")).containsExactly("", "EPAYBL", "KEINER");
        assertThat(options.eachText()).containsExactly("Bitte wählen", "ePayBL", "keiner");

        assertThat(leipzig.post(FORM, Map.of("parameters.zahlung", "KEINER")).statusCode()).isEqualTo(303);
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)).withRequestBody(equalToJson("""
                {"parameters": {"zahlung": "KEINER"}}""", false, true)));

        // What the tenant-service answers for a value that is none of the constants: the oneOf and each const.
        answer(api, post(SUBSCRIPTIONS), 422, Fixtures.problem(422, "invalid-parameters", """
                [{"field": "parameters.zahlung", "message": "must be valid to one and only one schema, but 0 are valid"},
                 {"field": "parameters.zahlung", "message": "must be the constant value 'EPAYBL'"},
                 {"field": "parameters.zahlung", "message": "must be the constant value 'KEINER'"}]"""));
        Response refused = leipzig.post(FORM, Map.of("parameters.zahlung", "BAR"));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("f-parameters-zahlung").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("f-parameters-zahlung-fehler").text()).isEqualTo("Fehler: Die Angabe passt zu "
                + "keiner der vorgesehenen Möglichkeiten. Bitte einen der vorgegebenen Werte wählen.");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#f-parameters-zahlung");
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
    void aPlanWithTermsIsSubscribedToWithTheTermsAcceptedByTheirVersion() {
        String form = PAGES + "/abonnieren/" + SERVICE_ID + "/nutzungsbedingungen";
        answer(api, post(SUBSCRIPTIONS), 202, Fixtures.subscription("REQUESTED"));

        Document page = leipzig.page(form);
        Element box = page.getElementById("f-acceptedTerms");
        assertThat(box.attr("type")).isEqualTo("checkbox");
        assertThat(box.val()).isEqualTo(Fixtures.TERMS_VERSION);
        assertThat(page.select("label[for=f-acceptedTerms]").text()).isEqualTo(ACCEPTANCE);
        assertThat(page.select("main form fieldset a").attr("href")).isEqualTo(TERMS_URL);

        Map<String, Object> filledIn = Browser.filledIn(page, "main form");
        filledIn.put("acceptedTerms", Fixtures.TERMS_VERSION);
        Response answer = leipzig.post(form, filledIn);

        assertThat(answer.statusCode()).isEqualTo(303);
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)).withRequestBody(equalToJson("""
                {"planId": "nutzungsbedingungen", "acceptedTerms": {"version": "2026-01"}}""", false, true)));
    }

    @Test
    void termsNotAcceptedAreShownAtTheirCheckboxAndAMissingLeitwegIdAboveTheForm() {
        String form = PAGES + "/abonnieren/" + SERVICE_ID + "/nutzungsbedingungen";
        answer(api, post(SUBSCRIPTIONS), 422, Fixtures.problem(422, "terms-not-accepted", """
                [{"field": "acceptedTerms", "message": "must accept the plan's terms, version 2026-01"}]"""));
        leipzig.page(form);

        Document refused = Jsoup.parse(leipzig.post(form, Map.of("parameters.zustaendigeStelle.name", "Amt"))
                .body().asString());

        assertThat(refused.getElementById("f-acceptedTerms-fehler").text())
                .contains("Nutzungsbedingungen (Version 2026-01) gelesen haben und annehmen");
        assertThat(refused.getElementById("f-acceptedTerms").attr("aria-describedby")).contains("f-acceptedTerms-fehler");
        assertThat(refused.select(".error-summary a").eachAttr("href")).containsExactly("#f-acceptedTerms");
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)).withRequestBody(equalToJson("""
                {"acceptedTerms": null}""", false, true)));

        answer(api, post(SUBSCRIPTIONS), 409, Fixtures.problem(409, "leitweg-id-required", """
                [{"field": "leitwegId", "message": "is not set for tenant 14713000"}]"""));
        Document noLeitwegId = Jsoup.parse(leipzig.post(form, Map.of("acceptedTerms", "2026-01")).body().asString());

        assertThat(noLeitwegId.select(".error-summary li").text()).contains("Leitweg-ID", "Rechnungsadresse");
        assertThat(noLeitwegId.select(".error-summary a")).as("no input on this page to link to").isEmpty();
        assertThat(noLeitwegId.getElementById("f-acceptedTerms").hasAttr("checked")).isTrue();
    }

    @Test
    void anInterestIsDeclaredWithTheSameFormAndLeadsToItsPage() {
        String form = PAGES + "/abonnieren/" + SERVICE_ID + "/nachnutzung";
        answer(api, post(SUBSCRIPTIONS), 201, Fixtures.declaredInterest());

        Document page = leipzig.page(form);
        assertThat(page.select("h1").text()).isEqualTo("Führerschein digital beantragen: Interesse an Nachnutzung bekunden");
        assertThat(page.select("main").text()).contains("noch kein Vertrag");
        assertThat(page.getElementById("f-acceptedTerms")).as("terms are accepted when concluding").isNull();
        assertThat(page.select("main form button").text()).isEqualTo("Interesse bekunden");

        Response declared = leipzig.post(form, Browser.filledIn(page, "main form"));

        assertThat(declared.statusCode()).isEqualTo(303);
        assertThat(declared.header("Location")).endsWith(PAGES + "/abonnements/" + INTEREST_ID);
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)).withRequestBody(equalToJson("""
                {"planId": "nachnutzung", "acceptedTerms": null}""", false, true)));
    }

    @Test
    void mySubscriptionsShowStatusHistoryDashboardAndCancelling() {
        answer(api, get(urlPathEqualTo(SUBSCRIPTIONS)), 200, Fixtures.page(Fixtures.subscription("ACTIVE"),
                Fixtures.offered()));
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("ACTIVE"));
        answer(api, delete(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 202,
                Fixtures.subscription("CANCELLATION_REQUESTED"));

        Document list = leipzig.page(PAGES + "/abonnements");
        assertThat(list.select("h1").text()).isEqualTo("Abonnements von Leipzig, Stadt");
        assertThat(list.select("tbody tr").eachText()).containsExactly(
                "Führerschein digital beantragen Standard Aktiv 26.11.2026, 11:15:30 Uhr 13.774,36 €",
                "Führerschein digital beantragen Nachnutzung Angebot liegt vor 26.11.2026, 11:15:30 Uhr 22.861,54 €");

        Document detail = leipzig.page(PAGES + "/abonnements/" + SUBSCRIPTION_ID);
        assertThat(detail.select("#abonnement-status").text()).isEqualTo("Aktiv");
        assertThat(detail.select("#stand").attr("hx-trigger")).isEmpty();
        assertThat(detail.select("a.button").attr("href"))
                .isEqualTo("http://localhost:8090/dashboard/" + SUBSCRIPTION_ID);
        assertThat(detail.select("ol li").eachText()).hasSize(2).first().asString().contains("Beantragt");
        assertThat(detail.select("dl.facts").text()).doesNotContain("Vereinbarung");

        Response cancelled = leipzig.post(PAGES + "/abonnements/" + SUBSCRIPTION_ID + "/kuendigung", Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(303);
        api.verify(deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken())));
    }

    @Test
    void plansAreShownByTheirNamesFromOneLookUpOfTheirServiceAndOneTheCatalogNoLongerListsByItsId() {
        String dropped = Fixtures.subscription("ACTIVE").replace("\"planId\": \"standard\"", "\"planId\": \"pilot\"");
        answer(api, get(urlPathEqualTo(SUBSCRIPTIONS)), 200, Fixtures.page(Fixtures.subscription("ACTIVE"), dropped));
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("UPDATE_REQUESTED", """
                {"planId": "nutzungsbedingungen", "parameters": {}, "priceSnapshot": null, "contract": null}""",
                "null", ""));
        String page = PAGES + "/abonnements/" + SUBSCRIPTION_ID;

        Document list = leipzig.page(PAGES + "/abonnements");
        assertThat(list.select("tbody td:eq(1)").eachText()).containsExactly("Standard", "pilot");
        api.verify(1, getRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID)));

        api.resetRequests();
        Document detail = leipzig.page(page);
        assertThat(detail.select(".lead").text()).isEqualTo("Für Leipzig, Stadt, Plan Standard");
        assertThat(detail.select("#stand dl.facts").first().text()).startsWith("Plan Standard ");
        assertThat(detail.select("#beantragt").text()).isEqualTo("Plan Mit Nutzungsbedingungen");
        api.verify(1, getRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID)));

        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("ACTIVE"));
        api.resetRequests();
        assertThat(leipzig.page(page + "/kuendigung").select("dl.facts").text()).startsWith("Plan Standard ");
        api.verify(1, getRequestedFor(urlPathEqualTo(API + "/services/" + SERVICE_ID)));

        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, dropped);
        assertThat(leipzig.page(page).select(".lead").text()).isEqualTo("Für Leipzig, Stadt, Plan pilot");
    }

    @Test
    void aCancellationIsConfirmedOnAPageOfItsOwnBeforeAnythingIsCancelled() {
        String page = PAGES + "/abonnements/" + SUBSCRIPTION_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("ACTIVE"));

        asksFirst(page, "Abonnement kündigen");

        Document confirm = leipzig.page(page + "/kuendigung");

        assertThat(confirm.title()).isEqualTo("Abonnement kündigen: Führerschein digital beantragen · EfA-Marktplatz");
        assertThat(confirm.select("h1").text()).isEqualTo("Führerschein digital beantragen für Leipzig, Stadt kündigen?");
        assertThat(confirm.select(".lead").text()).contains("nicht rückgängig");
        confirmsWithItsOwnForm(confirm, page, "Ja, Abonnement kündigen");
        api.verify(0, deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID)));

        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("UPDATING"));
        Response gone = leipzig.get(page + "/kuendigung");
        assertThat(gone.statusCode()).as("nothing to confirm for a subscription that cannot be cancelled").isEqualTo(303);
        assertThat(gone.header("Location")).endsWith(page);
    }

    @Test
    void aCancellationWhoseDeprovisioningFailedIsOfferedAgainAndOneUnderWayIsNot() {
        String page = PAGES + "/abonnements/" + SUBSCRIPTION_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("DEPROVISIONING")
                .replace("\"failureReason\": null", "\"failureReason\": \"broker answered 500\""));

        assertThat(leipzig.page(page).select("form:has(button:contains(Abonnement kündigen))")).hasSize(1);
        assertThat(leipzig.page(page + "/kuendigung").select("main form button").text())
                .isEqualTo("Ja, Abonnement kündigen");

        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("DEPROVISIONING"));
        assertThat(leipzig.page(page).select("form:has(button:contains(Abonnement kündigen))")).isEmpty();
    }

    @Test
    void aFailureReasonAndTheHistoryOfTheProviderReadGerman() {
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("FAILED", "null", """
                {"reason": "the broker reports the operation failed: Postfach voll", "at": "2026-11-26T11:15:30Z"}""",
                """
                , {"status": "PROVISIONING", "at": "2026-11-26T10:15:32Z", "detail": "PROVISION started at the provider"},
                {"status": "FAILED", "at": "2026-11-26T10:15:33Z", "detail": "the broker reports the operation failed"}""")
                .replace("\"failureReason\": null",
                        "\"failureReason\": \"the broker reports the operation failed: Postfach voll\""));

        Document page = leipzig.page(PAGES + "/abonnements/" + SUBSCRIPTION_ID);

        assertThat(page.select(".notice.warning").eachText()).contains(
                "Grund: der Anbieter meldet, dass der Vorgang gescheitert ist: Postfach voll");
        assertThat(page.select("#letzte-aenderung").text())
                .endsWith("Grund: der Anbieter meldet, dass der Vorgang gescheitert ist: Postfach voll");
        assertThat(page.select("ol.history li").eachText()).anySatisfy(entry -> assertThat(entry)
                .endsWith("Einrichtung beim Anbieter begonnen")).noneSatisfy(entry -> assertThat(entry)
                .contains("the broker"));
    }

    @Test
    void aSingleSubscriptionIsCountedInTheSingular() {
        answer(api, get(urlPathEqualTo(SUBSCRIPTIONS)), 200, Fixtures.page(Fixtures.subscription("ACTIVE")));

        Document page = leipzig.page(PAGES + "/abonnements");

        assertThat(page.select("caption").text()).isEqualTo("1 Abonnement oder Interessenbekundung");
    }

    @Test
    void theSubscriptionsAreReachedAPageAtATime() {
        answer(api, get(urlPathEqualTo(SUBSCRIPTIONS)), 200, Fixtures.page(1, 25, 60, Fixtures.subscription("ACTIVE")));

        Document page = leipzig.page(PAGES + "/abonnements?seite=1");

        assertThat(page.select("caption").text()).isEqualTo("60 Abonnements und Interessenbekundungen");
        assertThat(page.select("nav.pager a").eachAttr("href"))
                .containsExactly(PAGES + "/abonnements?seite=0", PAGES + "/abonnements?seite=2");
        api.verify(getRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)).withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("25")));
    }

    @Test
    void aCancellationTheServiceRefusesShowsTheSubscriptionAsItIsNowAndWhyNothingHappened() {
        String page = PAGES + "/abonnements/" + SUBSCRIPTION_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("ACTIVE"));
        answer(api, delete(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 409, Fixtures.problem(409, "conflict", "[]"));
        leipzig.page(page + "/kuendigung");
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("UPDATE_REQUESTED"));

        Response refused = leipzig.post(page + "/kuendigung", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        Document shown = Jsoup.parse(refused.body().asString());
        assertThat(shown.select("h1").text()).isEqualTo("Führerschein digital beantragen");
        assertThat(shown.select("#abonnement-status").text()).isEqualTo("Änderung beantragt");
        assertThat(shown.select("#hinweis").attr("role")).isEqualTo("alert");
        assertThat(shown.select("#hinweis").text()).startsWith("Das Abonnement hat sich inzwischen geändert; es wurde "
                + "nichts gekündigt").contains("conflict detail");
        assertThat(shown.select("#stand #hinweis")).as("the refresh of the status keeps the notice").isEmpty();
        assertThat(shown.select("#hinweis").hasAttr("autofocus")).as("the focus starts at what happened").isTrue();
    }

    @Test
    void anOperatorResubmitsAFailedSubscriptionWithOneClick() {
        Browser operator = Browser.operator(api);
        String page = PAGES + "/abonnements/" + SUBSCRIPTION_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("ACTIVE"));
        answer(api, post(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID + "/resubmit"), 202, Fixtures.subscription("REQUESTED"));
        assertThat(operator.page(page).select("button:contains(Erneut beantragen)"))
                .as("only a failed subscription goes again").isEmpty();
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("FAILED"));

        Document failed = operator.page(page);

        Element form = failed.selectFirst("form:has(button:contains(Erneut beantragen))");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(page + "/neuantrag");
        assertThat(form.select("input[name=csrf-token]")).hasSize(1);
        Response resubmitted = operator.post(page + "/neuantrag", Map.of());
        assertThat(resubmitted.statusCode()).isEqualTo(303);
        assertThat(resubmitted.header("Location")).endsWith(page);
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID + "/resubmit"))
                .withHeader("Authorization", equalTo("Bearer " + operator.accessToken())));
    }

    @Test
    void aResubmissionTheServiceRefusesShowsTheSubscriptionAsItIsNowAndWhyNothingHappened() {
        Browser operator = Browser.operator(api);
        String page = PAGES + "/abonnements/" + SUBSCRIPTION_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("FAILED"));
        answer(api, post(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID + "/resubmit"), 409,
                Fixtures.problem(409, "conflict", "[]"));
        operator.page(page);

        Response refused = operator.post(page + "/neuantrag", Map.of());

        Document shown = RefusedSteps.shownAsItIsNow(refused, 409, "Führerschein digital beantragen",
                "Das Abonnement wurde nicht erneut beantragt.", "conflict detail");
        assertThat(shown.select("#abonnement-status").text()).isEqualTo("Fehlgeschlagen");
        assertThat(shown.select("button:contains(Erneut beantragen)")).hasSize(1);
    }

    @Test
    void aMunicipalityDoesNotResubmitItsFailedSubscription() {
        String page = PAGES + "/abonnements/" + SUBSCRIPTION_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("FAILED"));

        Document failed = leipzig.page(page);

        assertThat(failed.select("#abonnement-status").text()).isEqualTo("Fehlgeschlagen");
        assertThat(failed.select("button:contains(Erneut beantragen)")).isEmpty();
        assertThat(leipzig.post(page + "/neuantrag", Map.of()).statusCode()).isEqualTo(403);
        api.verify(0, postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID + "/resubmit")));
    }

    @Test
    void aRefusedFormPutsTheFocusOnItsErrorSummary() {
        answer(api, post(SUBSCRIPTIONS), 422, Fixtures.problem(422, "invalid-parameters", """
                [{"field": "parameters.postfach.art", "message": "required property 'art' not found"}]"""));
        assertThat(leipzig.page(FORM).select("[autofocus]")).as("nothing takes the focus from a fresh form").isEmpty();

        Document refused = Jsoup.parse(leipzig.post(FORM, Map.of("parameters.zustaendigeStelle.name", "Amt"))
                .body().asString());

        Element summary = refused.selectFirst(".error-summary");
        assertThat(summary.hasAttr("autofocus")).as("the browser moves the focus there, without a script").isTrue();
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(refused.select("[autofocus]")).hasSize(1);
    }

    @Test
    void aSubscriptionInFlightKeepsItsPageCurrent() {
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("PROVISIONING"));

        Document detail = leipzig.page(PAGES + "/abonnements/" + SUBSCRIPTION_ID);

        assertThat(detail.select("#stand").attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(detail.select("#stand").attr("hx-get")).isEqualTo(PAGES + "/abonnements/" + SUBSCRIPTION_ID);
        assertThat(detail.select("#abonnement-status").text()).isEqualTo("Wird eingerichtet");
        assertThat(detail.select("button.danger")).isEmpty();
    }

    @Test
    void anOfferShowsItsConditionsTermsAndWhoActedAndIsConcludedByAcceptingTheTerms() {
        String page = PAGES + "/abonnements/" + INTEREST_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.offered());
        answer(api, post(SUBSCRIPTIONS + "/" + INTEREST_ID + "/conclude"), 202, Fixtures.subscription("REQUESTED"));

        Document detail = leipzig.page(page);

        assertThat(detail.select("#abonnement-status").text()).isEqualTo("Angebot liegt vor");
        assertThat(detail.select("#angebot").text()).contains("Einrichtung 0,00 €", "Jährlich wie im Plan",
                "Beginn 01.01.2027", Fixtures.OFFER_NOTE, "von Anbieter akdb");
        assertThat(detail.select("dl.facts").first().text())
                .contains("Vereinbarung Interessenbekundung und Angebot", "Nutzungsbedingungen Version 2026-01");
        assertThat(detail.select("ol li").eachText()).satisfiesExactly(
                declared -> assertThat(declared).endsWith("Interesse bekundet – von Bündler kisa"),
                offered -> assertThat(offered).endsWith("Angebot liegt vor – von Anbieter akdb: " + Fixtures.OFFER_NOTE));
        assertThat(detail.select("label[for=f-acceptedTerms]").text()).isEqualTo(ACCEPTANCE);
        assertThat(detail.select("button").eachText()).contains("Angebot annehmen", "Interessenbekundung zurückziehen");

        Response concluded = leipzig.post(page + "/vertragsschluss", Map.of("acceptedTerms", "2026-01"));

        assertThat(concluded.statusCode()).isEqualTo(303);
        assertThat(concluded.header("Location")).endsWith(page);
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID + "/conclude"))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken()))
                .withRequestBody(equalToJson("{\"acceptedTerms\": {\"version\": \"2026-01\"}}")));
    }

    @Test
    void anOfferConcludedWithoutTheBoxTickedShowsTheServicesMessageAtTheBox() {
        String page = PAGES + "/abonnements/" + INTEREST_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.offered());
        answer(api, post(SUBSCRIPTIONS + "/" + INTEREST_ID + "/conclude"), 422, Fixtures.problem(422,
                "terms-not-accepted", """
                        [{"field": "acceptedTerms", "message": "must accept the offer's terms, version 2026-01"}]"""));
        leipzig.page(page);

        Response refused = leipzig.post(page + "/vertragsschluss", Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        Document form = Jsoup.parse(refused.body().asString());
        assertThat(form.getElementById("f-acceptedTerms-fehler").text()).contains("Version 2026-01");
        assertThat(form.getElementById("f-acceptedTerms").attr("aria-invalid")).isEqualTo("true");
        api.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID + "/conclude"))
                .withRequestBody(equalToJson("{\"acceptedTerms\": null}")));
    }

    @Test
    void anOfferThatExpiredBeforeItWasConcludedSaysWhyNothingWasConcluded() {
        String page = PAGES + "/abonnements/" + INTEREST_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.offered());
        answer(api, post(SUBSCRIPTIONS + "/" + INTEREST_ID + "/conclude"), 409, Fixtures.problem(409, "conflict", "[]"));
        leipzig.page(page);
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200,
                Fixtures.offered().replace("\"OFFERED\", \"instance\"", "\"EXPIRED\", \"instance\""));

        Response refused = leipzig.post(page + "/vertragsschluss", Map.of("acceptedTerms", "2026-01"));

        Document shown = Jsoup.parse(refused.body().asString());
        assertThat(shown.select("#abonnement-status").text()).isEqualTo("Abgelaufen");
        assertThat(shown.select("main form")).as("an expired offer is concluded no more").isEmpty();
        assertThat(shown.select(".error-summary li").text())
                .startsWith("Dieser Schritt ist gerade nicht möglich.").contains("conflict detail");
    }

    @Test
    void aWithdrawalIsConfirmedOnAPageOfItsOwnSayingTheOfferLapsesBeforeAnythingIsWithdrawn() {
        String page = PAGES + "/abonnements/" + INTEREST_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.offered(), "\"4\"");
        answer(api, delete(SUBSCRIPTIONS + "/" + INTEREST_ID), 200,
                Fixtures.offered().replace("\"OFFERED\", \"instance\"", "\"WITHDRAWN\", \"instance\""));

        asksFirst(page, "Interessenbekundung zurückziehen");

        Document confirm = leipzig.page(page + "/kuendigung");

        assertThat(confirm.title())
                .isEqualTo("Interessenbekundung zurückziehen: Führerschein digital beantragen · EfA-Marktplatz");
        assertThat(confirm.select("h1").text())
                .isEqualTo("Interessenbekundung von Leipzig, Stadt zu Führerschein digital beantragen zurückziehen?");
        assertThat(confirm.select(".lead").text()).contains("Plan Nachnutzung", "nicht rückgängig",
                "Das Angebot des Anbieters verfällt");
        assertThat(confirm.select("dl.facts").text()).contains("Interesse bekundet").doesNotContain("Beantragt");
        confirmsWithItsOwnForm(confirm, page, "Ja, Interessenbekundung zurückziehen");
        assertThat(confirm.select("main form a").text()).isEqualTo("Abbrechen, nichts zurückziehen");
        api.verify(0, deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID)));

        Response unconfirmed = Browser.municipality(api, LEIPZIG).post(page + "/kuendigung", Map.of());
        assertThat(unconfirmed.statusCode()).as("a request without the CSRF token, which only a page of the portal carries")
                .isEqualTo(400);
        api.verify(0, deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID)));

        Response withdrawn = leipzig.post(page + "/kuendigung", Browser.filledIn(confirm, "main form"));

        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.header("Location")).endsWith(page);
        api.verify(1, deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID))
                .withHeader("Authorization", equalTo("Bearer " + leipzig.accessToken()))
                .withHeader("If-Match", equalTo("\"4\"")));
    }

    @Test
    void aConfirmedWithdrawalOfAnInterestThatBecameASubscriptionMeanwhileCancelsNothing() {
        String page = PAGES + "/abonnements/" + INTEREST_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.offered(), "\"4\"");
        Document confirm = leipzig.page(page + "/kuendigung");
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.subscription("ACTIVE"), "\"6\"");
        answer(api, delete(SUBSCRIPTIONS + "/" + INTEREST_ID).withHeader("If-Match", equalTo("\"4\"")), 412, """
                {"type": "https://efa.example/problems/precondition-failed", "title": "Precondition failed",
                 "status": 412, "detail": "Subscription is at version 6, not 4; read it again"}""");

        Response refused = leipzig.post(page + "/kuendigung", Browser.filledIn(confirm, "main form"));

        assertThat(refused.statusCode()).isEqualTo(412);
        Document now = Jsoup.parse(refused.body().asString());
        assertThat(now.select("#abonnement-status").text()).isEqualTo("Aktiv");
        assertThat(now.select("main").text()).contains("es wurde nichts gekündigt oder zurückgezogen");
        api.verify(1, deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID)));
    }

    @Test
    void anInterestWithoutAnOfferIsWithdrawnAfterAConfirmationThatNamesNoOffer() {
        String page = PAGES + "/abonnements/" + INTEREST_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.declaredInterest());

        Document confirm = leipzig.page(page + "/kuendigung");

        assertThat(confirm.select("h1").text()).endsWith("zurückziehen?");
        assertThat(confirm.select(".lead").text()).contains("nicht rückgängig").doesNotContain("Angebot des Anbieters");
        assertThat(confirm.select("main form button").text()).isEqualTo("Ja, Interessenbekundung zurückziehen");
        api.verify(0, deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID)));
    }

    @Test
    void theMarketplacesReasonReadsGermanWithItsWordingKeptAsTheTitle() {
        String reason = "the broker answered 503 ServiceUnavailable: maintenance (gave up after 4 failed attempts "
                + "in PT5M, retry budget PT5M)";
        answer(api, get(SUBSCRIPTIONS + "/" + SUBSCRIPTION_ID), 200, Fixtures.subscription("FAILED", "null", "null",
                """
                , {"status": "FAILED", "at": "2026-11-26T10:15:33Z", "detail": "%s"}""".formatted(reason))
                .replace("\"failureReason\": null", "\"failureReason\": \"" + reason + "\""));
        String german = "der Anbieter antwortete mit HTTP 503: ServiceUnavailable: maintenance (aufgegeben nach 4 "
                + "gescheiterten Versuchen in 5 min, Zeitrahmen für Wiederholungen 5 min)";

        Document page = leipzig.page(PAGES + "/abonnements/" + SUBSCRIPTION_ID);

        Element shown = page.selectFirst("#stand > .notice.warning");
        assertThat(shown.text()).isEqualTo("Grund: " + german);
        assertThat(shown.selectFirst("[title]").attr("title")).isEqualTo(reason);
        Element entry = page.select("ol.history li").last();
        assertThat(entry.text()).endsWith("Fehlgeschlagen – " + german);
        assertThat(entry.selectFirst("[title]").attr("title")).isEqualTo(reason);
    }

    @Test
    void anInterestIsWithdrawnAndADeclinedOneShowsTheProvidersReason() {
        String page = PAGES + "/abonnements/" + INTEREST_ID;
        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.declaredInterest());
        answer(api, delete(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.declaredInterest()
                .replace("\"INTEREST_DECLARED\", \"instance\"", "\"WITHDRAWN\", \"instance\""));

        Document declared = leipzig.page(page);
        assertThat(declared.select("button").eachText()).containsExactly("Interessenbekundung zurückziehen");
        leipzig.page(page + "/kuendigung");
        Response withdrawn = leipzig.post(page + "/kuendigung", Map.of());

        assertThat(withdrawn.statusCode()).isEqualTo(303);
        api.verify(deleteRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/" + INTEREST_ID)));

        answer(api, get(SUBSCRIPTIONS + "/" + INTEREST_ID), 200, Fixtures.declined("Nicht in Sachsen betrieben"));
        Document declined = leipzig.page(page);
        assertThat(declined.select("#ablehnung").text()).contains("abgelehnt: Nicht in Sachsen betrieben");
        assertThat(declined.select("main form")).isEmpty();
    }

    /** The subscription's page only asks for the step: its button reads the confirmation page, changing nothing. */
    private void asksFirst(String page, String button) {
        Element ask = leipzig.page(page).selectFirst("form:has(button:contains(" + button + "))");
        assertThat(ask.attr("method")).isEqualTo("get");
        assertThat(ask.attr("action")).isEqualTo(page + "/kuendigung");
    }

    /** The confirmation page's form takes the step, with the CSRF token; its other way leads back unchanged. */
    private static void confirmsWithItsOwnForm(Document confirm, String page, String yes) {
        Element form = confirm.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(page + "/kuendigung");
        assertThat(form.select("input[name=csrf-token]")).hasSize(1);
        assertThat(form.select("button").text()).isEqualTo(yes);
        assertThat(form.select("a").attr("href")).isEqualTo(page);
    }
}
