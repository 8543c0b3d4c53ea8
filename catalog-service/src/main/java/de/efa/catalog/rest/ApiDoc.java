package de.efa.catalog.rest;

/** Example bodies for the OpenAPI document, so that callers see real requests and answers. */
final class ApiDoc {

    static final String PROBLEM = "application/problem+json";

    /** A plan whose subscribers accept its terms first, and may later change to another plan. */
    private static final String PLAN = """
            {"id":"standard","name":"Standard","description":"Betrieb als SaaS",
             "pricing":{"setupFeeCents":50000,"annualBaseCents":120000,"annualPerInhabitantCents":2},
             "parameters":{"type":"object","required":["zustaendigeStelle"],"properties":{"zustaendigeStelle":{"type":"string"}}},
             "contract":{"model":"TERMS","terms":{"version":"2026-01",
                         "url":"https://www.akdb.de/nutzungsbedingungen/fuehrerschein-2026-01.html",
                         "sha256":"9f2c6a4f0f8e4e0b4d3f1c2b5a6978e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6"}},
             "updatable":true}""";

    static final String SERVICE_REQUEST = """
            {"slug":"fuehrerschein-digital-beantragen","name":"Führerschein digital beantragen",
             "summary":"Fahrerlaubnis online beantragen, mit Nachweisen und Bezahlung",
             "description":"Erstantrag einer Fahrerlaubnis bei der Fahrerlaubnisbehörde.",
             "keywords":["Fahrerlaubnis","Führerschein"],"leikaKeys":["99023001012000"],"ozgId":"10169",
             "themenfeld":"mobilitaet-reisen","leadLand":"06","availableIn":[],"reuseModels":["EFA_MARKTPLATZ"],
             "languages":["de","en"],
             "accessibility":{"bitvStatement":"https://www.akdb.de/barrierefreiheit","feedbackMechanism":"barrierefreiheit@akdb.de"},
             "plans":[""" + PLAN + "]}";

    static final String SERVICE = """
            {"id":"5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10","slug":"fuehrerschein-digital-beantragen",
             "name":"Führerschein digital beantragen","summary":"Fahrerlaubnis online beantragen, mit Nachweisen und Bezahlung",
             "description":"Erstantrag einer Fahrerlaubnis bei der Fahrerlaubnisbehörde.",
             "keywords":["Fahrerlaubnis","Führerschein"],"providerId":"akdb","leikaKeys":["99023001012000"],
             "ozgId":"10169","themenfeld":"mobilitaet-reisen","leadLand":"06","availableIn":[],
             "reuseModels":["EFA_MARKTPLATZ"],"languages":["de","en"],
             "accessibility":{"bitvStatement":"https://www.akdb.de/barrierefreiheit","feedbackMechanism":"barrierefreiheit@akdb.de"},
             "plans":[""" + PLAN + """
             ],"status":"PUBLISHED","version":2,"createdAt":"2026-11-26T10:15:30.123456Z","updatedAt":"2026-11-26T10:16:02.654321Z"}""";

    static final String SERVICE_PAGE = "{\"items\":[" + SERVICE + "],\"page\":0,\"size\":20,\"total\":1}";

    static final String PROVIDER_REQUEST = """
            {"id":"akdb","name":"AKDB – Anstalt für Kommunale Datenverarbeitung in Bayern",
             "kind":"KOMMUNALER_IT_DIENSTLEISTER","brokerUrl":"http://localhost:8090"}""";

    static final String PROVIDER = """
            {"id":"akdb","name":"AKDB – Anstalt für Kommunale Datenverarbeitung in Bayern",
             "kind":"KOMMUNALER_IT_DIENSTLEISTER","brokerUrl":"http://localhost:8090","version":1,
             "createdAt":"2026-11-26T10:00:00Z","updatedAt":"2026-11-26T10:00:00Z"}""";

    static final String PROVIDER_PAGE = "{\"items\":[" + PROVIDER + "],\"page\":0,\"size\":20,\"total\":1}";

    static final String INVALID = """
            {"type":"https://efa-marketplace.de/problems/validation","title":"Invalid request","status":400,
             "detail":"2 fields are invalid","instance":"/api/v1/services",
             "violations":[{"field":"leikaKeys[0]","message":"must be a LeiKa key of exactly 14 digits, e.g. 99023001012000"},
                           {"field":"plans[0].pricing.setupFeeCents","message":"must be zero or more cents"}]}""";

    static final String UNAUTHORIZED = """
            {"type":"https://efa-marketplace.de/problems/unauthorized","title":"Unauthorized","status":401,
             "detail":"A valid bearer token is required","instance":"/api/v1/services"}""";

    static final String FORBIDDEN = """
            {"type":"https://efa-marketplace.de/problems/forbidden","title":"Forbidden","status":403,
             "detail":"Only the provider 'akdb' may replace this service","instance":"/api/v1/services/5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10"}""";

    static final String NOT_FOUND = """
            {"type":"https://efa-marketplace.de/problems/not-found","title":"Not found","status":404,
             "detail":"There is no service 5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10","instance":"/api/v1/services/5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10"}""";

    static final String CONFLICT = """
            {"type":"https://efa-marketplace.de/problems/conflict","title":"Conflict","status":409,
             "detail":"Cannot retire a PUBLISHED service: that step starts from DEPRECATED",
             "instance":"/api/v1/services/5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10/retire"}""";

    static final String STALE = """
            {"type":"https://efa-marketplace.de/problems/stale-version","title":"Precondition failed","status":412,
             "detail":"The service has version 3, not 2; read it again and reapply your change",
             "instance":"/api/v1/services/5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10"}""";

    static final String IF_MATCH_REQUIRED = """
            {"type":"https://efa-marketplace.de/problems/if-match-required","title":"Precondition required","status":428,
             "detail":"This update needs an If-Match header with the ETag of the version you read",
             "instance":"/api/v1/services/5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10"}""";

    static final String KEY_REUSED = """
            {"type":"https://efa-marketplace.de/problems/idempotency-key-reused","title":"Idempotency-Key reused","status":422,
             "detail":"This Idempotency-Key was used for another request; use a new key for a new request",
             "instance":"/api/v1/services"}""";

    private ApiDoc() {
    }
}
