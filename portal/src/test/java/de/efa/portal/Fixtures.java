package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** What the services answer, as JSON, shaped like their real answers; and stubbing them on the test server. */
final class Fixtures {

    /** The services' base URL in the test profile is the OIDC test server's, whose paths start here. */
    static final String API = "/auth/api/v1";

    static final String SERVICE_ID = "5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41";
    static final String LEIPZIG = "14713000";
    static final String SUBSCRIPTION_ID = "0b9f6c1e-6b43-4a8e-9b8f-3f3d2f1b7a55";
    static final String JOB_ID = "7a2e9c41-1d2b-4e5f-8a9b-0c1d2e3f4a5b";

    static final String THEMENFELDER = """
            [{"code": "mobilitaet-reisen", "name": "Mobilität & Reisen"},
             {"code": "bauen-wohnen", "name": "Bauen & Wohnen"}]""";

    /** A plan schema with a nested object, an enumeration and required properties. */
    static final String SCHEMA = """
            {"type": "object", "required": ["zustaendigeStelle", "postfach"],
             "properties": {
               "zustaendigeStelle": {"type": "object", "title": "Zuständige Stelle",
                 "description": "Die Behörde, die die Anträge bearbeitet",
                 "required": ["name", "anschrift"],
                 "properties": {
                   "name": {"type": "string", "minLength": 1, "examples": ["Stadt Leipzig, Ordnungsamt"]},
                   "anschrift": {"type": "object", "required": ["plz"],
                     "properties": {"plz": {"type": "string", "pattern": "^[0-9]{5}$"},
                                    "ort": {"type": "string"}}},
                   "email": {"type": "string", "format": "email"}}},
               "postfach": {"type": "object", "title": "Behördenpostfach", "required": ["art"],
                 "properties": {"art": {"type": "string", "enum": ["BUNDID", "FIT_CONNECT", "OSCI_XTA"]}}},
               "gebuehrCents": {"type": "integer", "minimum": 0}}}""";

    static final String STANDARD_PLAN = """
            {"id": "standard", "name": "Standard", "description": "Betrieb als SaaS",
             "pricing": {"setupFeeCents": 50000, "annualBaseCents": 120000, "annualPerInhabitantCents": 2},
             "parameters": %s}""".formatted(SCHEMA);

    /** The same plan, whose subscriptions may later change to another plan. */
    static final String UPDATABLE_PLAN = """
            {"id": "standard", "name": "Standard", "description": "Betrieb als SaaS", "updatable": true,
             "pricing": {"setupFeeCents": 50000, "annualBaseCents": 120000, "annualPerInhabitantCents": 2},
             "parameters": %s}""".formatted(SCHEMA);

    static final String TERMS_VERSION = "2026-01";
    static final String TERMS_URL = "https://akdb.example/nutzungsbedingungen-2026-01.html";
    static final String TERMS_SHA256 = "209e71ba75a375ff5926a169c00e1ceea35ee3f9e6969367cb0ab11d1b8a2240";

    /** Subscribing accepts the terms; a subscription may later change to another plan. */
    static final String TERMS_PLAN = """
            {"id": "nutzungsbedingungen", "name": "Mit Nutzungsbedingungen", "description": null,
             "pricing": {"setupFeeCents": 0, "annualBaseCents": 90000, "annualPerInhabitantCents": 0},
             "parameters": %s, "updatable": true,
             "contract": {"model": "TERMS", "terms": {"version": "%s", "url": "%s", "sha256": "%s"}}}"""
            .formatted(SCHEMA, TERMS_VERSION, TERMS_URL, TERMS_SHA256);

    /** Reused after an Interessenbekundung, the provider's offer and a Nachnutzungsvertrag. */
    static final String INTEREST_PLAN = """
            {"id": "nachnutzung", "name": "Nachnutzung", "description": "Nach Interessenbekundung und Angebot",
             "pricing": {"setupFeeCents": 250000, "annualBaseCents": 400000, "annualPerInhabitantCents": 3},
             "parameters": %s, "updatable": false,
             "contract": {"model": "INTEREST", "terms": {"version": "%s", "url": "%s", "sha256": "%s"}}}"""
            .formatted(SCHEMA, TERMS_VERSION, TERMS_URL, TERMS_SHA256);

    /** A service as a catalog of version 1 answers it: its plan says nothing of a contract. */
    static final String SERVICE = service(STANDARD_PLAN);

    static final String SERVICE_WITH_CONTRACTS = service(STANDARD_PLAN, TERMS_PLAN, INTEREST_PLAN);

    static final String TENANT = tenant(LEIPZIG, "Leipzig, Stadt", 628718, "14713000-LEIPZIG-85");
    static final String BAD_LAUSICK = "14729010";
    /** A client of the bundler kisa, still without a Leitweg-ID. */
    static final String BAD_LAUSICK_TENANT = tenant(BAD_LAUSICK, "Bad Lausick, Stadt", 8036, null);

    /** Leipzig's subscription to the plan "standard", priced for its 628,718 inhabitants. */
    static final String SUBSCRIPTION = """
            {"id": "%s", "ags": "14713000", "serviceId": "%s", "planId": "standard",
             "parameters": {"zustaendigeStelle": {"name": "Stadt Leipzig, Ordnungsamt", "anschrift": {"plz": "04109"}},
                            "postfach": {"art": "FIT_CONNECT"}, "gebuehrCents": 4330},
             "priceSnapshot": {"setupFeeCents": 50000, "annualCents": 1377436, "annualBaseCents": 120000,
                               "annualPerInhabitantCents": 2, "population": 628718},
             "status": "%s",
             "instance": {"instanceId": "%s", "dashboardUrl": "http://localhost:8090/dashboard/%s"},
             "failureReason": null, "requestedUpdate": %s, "lastUpdateFailure": %s,
             "history": [{"status": "REQUESTED", "at": "2026-11-26T10:15:30Z", "detail": null},
                         {"status": "PROVISIONING", "at": "2026-11-26T10:15:31Z", "detail": null}%s],
             "createdAt": "2026-11-26T10:15:30Z", "updatedAt": "2026-11-26T10:15:33Z"}""";

    static final String INTEREST_ID = "4c3b2a19-8d7e-4f6a-9b5c-1d2e3f4a5b6c";
    static final String OFFER_NOTE = "Nachnutzung nach EfA-Mustervertrag, Anbindung an ProBauG inklusive";

    /** An interest in the plan "nachnutzung": status, offer, decline reason and history as JSON. */
    private static final String INTEREST = """
            {"id": "%s", "ags": "14713000", "serviceId": "%s", "planId": "nachnutzung",
             "parameters": {"zustaendigeStelle": {"name": "Stadt Leipzig, Bauaufsichtsamt"}},
             "priceSnapshot": {"setupFeeCents": 0, "annualCents": 2286154},
             "contract": {"model": "INTEREST", "terms": {"version": "%s", "url": "%s", "sha256": "%s"},
                          "acceptedBy": null, "acceptedAt": null},
             "offer": %s, "declineReason": %s, "status": "%s", "instance": null, "failureReason": null,
             "history": [{"status": "INTEREST_DECLARED", "at": "2026-11-26T10:15:30Z",
                          "detail": "Interest declared by bundler kisa"}%s],
             "createdAt": "2026-11-26T10:15:30Z", "updatedAt": "2026-11-27T09:00:00Z"}""";

    static final String JOB = """
            {"id": "%s", "subscriptionId": "%s", "ags": "14713000", "serviceId": "%s", "planId": "standard-fails",
             "previousPlanId": null, "instanceId": "%s", "operation": "PROVISION", "status": "%s", "step": "DONE",
             "dashboardUrl": null, "failureReason": "the broker reported the operation failed", "failureKind": null,
             "requestedAt": "2026-11-26T10:15:30Z", "finishedAt": %s,
             "attempts": [{"at": "2026-11-26T10:15:31Z", "action": "PROVISION",
                           "requestIdentity": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
                           "request": "PUT http://localhost:8090/v2/service_instances/x?accepts_incomplete=true",
                           "requestBody": "{}", "status": 202, "answer": "{\\"operation\\":\\"provision-1\\"}",
                           "durationMs": 42}]}""";

    private Fixtures() {
    }

    static String tenant(String ags, String name, long population, String leitwegId) {
        return """
                {"ags": "%s", "name": "%s", "kind": "STADT", "land": {"code": "14", "name": "Sachsen"},
                 "population": %d, "contactEmail": "onlinedienste@%s.example", "ars": null, "leitwegId": %s,
                 "status": "ACTIVE", "createdAt": "2026-11-20T09:00:00Z", "updatedAt": "2026-11-20T09:00:00Z"}"""
                .formatted(ags, name, population, ags, leitwegId == null ? "null" : "\"" + leitwegId + "\"");
    }

    static String service(String... plans) {
        return """
                {"id": "%s", "slug": "fuehrerschein-digital", "name": "Führerschein digital beantragen",
                 "summary": "Fahrerlaubnis online beantragen", "description": "Antrag auf Ersterteilung.",
                 "keywords": ["Fahrerlaubnis"], "providerId": "akdb", "leikaKeys": ["99023001012000", "99023002000000"],
                 "ozgId": "10169", "themenfeld": "mobilitaet-reisen", "leadLand": "06", "availableIn": [],
                 "reuseModels": ["EFA_MARKTPLATZ", "OPEN_SOURCE", "KOMMUNALVERTRETER"], "languages": ["de"],
                 "accessibility": {"bitvStatement": "https://akdb.example/barrierefreiheit",
                                   "feedbackMechanism": "barrierefreiheit@akdb.example"},
                 "plans": [%s],
                 "status": "PUBLISHED", "version": 3, "createdAt": "2026-11-20T09:00:00Z",
                 "updatedAt": "2026-11-21T09:00:00Z", "someFutureField": true}"""
                .formatted(SERVICE_ID, String.join(", ", plans));
    }

    static String subscription(String status) {
        return subscription(status, "null", "null", "");
    }

    /** A subscription with a change waiting for the provider, the latest failed change, and later history (JSON). */
    static String subscription(String status, String requestedUpdate, String lastUpdateFailure, String laterHistory) {
        return SUBSCRIPTION.formatted(SUBSCRIPTION_ID, SERVICE_ID, status, SUBSCRIPTION_ID, SUBSCRIPTION_ID,
                requestedUpdate, lastUpdateFailure, laterHistory);
    }

    static String declaredInterest() {
        return interest("INTEREST_DECLARED", "null", "null", "");
    }

    /** The provider offered no setup fee and the plan's yearly price, from January. */
    static String offered() {
        return interest("OFFERED", """
                {"setupFeeCents": 0, "annualCents": null, "startDate": "2027-01-01", "note": "%s",
                 "offeredAt": "2026-11-27T09:00:00Z", "offeredBy": "provider akdb"}""".formatted(OFFER_NOTE), "null", """
                , {"status": "OFFERED", "at": "2026-11-27T09:00:00Z", "detail": "Offered by provider akdb: %s"}"""
                .formatted(OFFER_NOTE));
    }

    static String declined(String reason) {
        return interest("DECLINED", "null", "\"" + reason + "\"", """
                , {"status": "DECLINED", "at": "2026-11-27T09:00:00Z", "detail": "Declined by provider akdb: %s"}"""
                .formatted(reason));
    }

    private static String interest(String status, String offer, String declineReason, String laterHistory) {
        return INTEREST.formatted(INTEREST_ID, SERVICE_ID, TERMS_VERSION, TERMS_URL, TERMS_SHA256, offer, declineReason,
                status, laterHistory);
    }

    static String job(String status) {
        String finishedAt = status.equals("SUCCEEDED") || status.equals("FAILED") ? "\"2026-11-26T10:15:40Z\"" : "null";
        return JOB.formatted(JOB_ID, SUBSCRIPTION_ID, SERVICE_ID, SUBSCRIPTION_ID, status, finishedAt);
    }

    static String page(String... items) {
        return "{\"items\": [" + String.join(",", items) + "], \"page\": 0, \"size\": 20, \"total\": " + items.length + "}";
    }

    /** One page of a longer list, as a service answers it for {@code page} and {@code size}. */
    static String page(int page, int size, long total, String... items) {
        return "{\"items\": [" + String.join(",", items) + "], \"page\": " + page + ", \"size\": " + size
                + ", \"total\": " + total + "}";
    }

    static String problem(int status, String slug, String violations) {
        return """
                {"type": "https://efa-marketplace.de/problems/%s", "title": "Invalid", "status": %d,
                 "detail": "%s", "violations": %s}""".formatted(slug, status, slug + " detail", violations);
    }

    /** Answers the request with JSON and the given status. */
    static void answer(WireMockServer server, MappingBuilder request, int status, String json) {
        server.stubFor(request.willReturn(json(status, json)));
    }

    /** Answers the request with JSON, the given status and the ETag of the version it shows. */
    static void answer(WireMockServer server, MappingBuilder request, int status, String json, String etag) {
        server.stubFor(request.willReturn(json(status, json).withHeader("ETag", etag)));
    }

    private static ResponseDefinitionBuilder json(int status, String json) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .withBody(json);
    }
}
