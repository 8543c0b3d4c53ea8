package de.efa.portal.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "the broker answered 500 | der Anbieter antwortete mit HTTP 500",
            "the broker answered 500 InternalError | der Anbieter antwortete mit HTTP 500: InternalError",
            "the broker answered 503 ServiceUnavailable: down for maintenance | der Anbieter antwortete mit HTTP 503: ServiceUnavailable: down for maintenance",
            "the broker answered 500: <html>Bad Gateway</html> | der Anbieter antwortete mit HTTP 500: <html>Bad Gateway</html>",
            "the broker answered 202 with a malformed body | der Anbieter antwortete mit HTTP 202, aber ohne lesbares JSON-Objekt",
            "the broker refused the request with 400 | der Anbieter hat die Anfrage mit HTTP 400 abgelehnt",
            "the broker refused the request with 422 MaintenanceInfoConflict: version 2 needed | der Anbieter hat die Anfrage mit HTTP 422 abgelehnt: MaintenanceInfoConflict: version 2 needed",
            "the broker reports the operation failed | der Anbieter meldet, dass der Vorgang gescheitert ist",
            "the broker reports the operation failed: Postfach voll | der Anbieter meldet, dass der Vorgang gescheitert ist: Postfach voll",
            "no result from the broker within PT1H | der Anbieter hat binnen 1 h kein Ergebnis gemeldet",
            "polling the last operation failed for PT30M: the broker answered 502 | der Stand des Vorgangs ließ sich 30 min lang nicht abfragen: der Anbieter antwortete mit HTTP 502",
            "the broker answered 500 (gave up after 1 failed attempt in PT0S, retry budget PT30S) | der Anbieter antwortete mit HTTP 500 (aufgegeben nach 1 gescheiterten Versuch in 0 s, Zeitrahmen für Wiederholungen 30 s)",
            "no complete answer within 10000 ms (gave up after 7 failed attempts in PT1M2S, retry budget PT1M) | keine vollständige Antwort des Anbieters binnen 10000 ms (aufgegeben nach 7 gescheiterten Versuchen in 1 min 2 s, Zeitrahmen für Wiederholungen 1 min)",
            "provisioning failed; orphan mitigation did not complete after 3 attempts in PT30S: the deletion ended as 'failed' | die Einrichtung ist gescheitert; das Aufräumen (Löschen einer womöglich angelegten Instanz) ist nach 3 Versuchen in 30 s nicht gelungen: das Löschen endete im Stand „failed“",
            "the broker answered 500 (gave up after 2 failed attempts in PT31S, retry budget PT30S); orphan mitigation did not complete after 1 attempts in PT30S: the broker answered 500 | der Anbieter antwortete mit HTTP 500 (aufgegeben nach 2 gescheiterten Versuchen in 31 s, Zeitrahmen für Wiederholungen 30 s); das Aufräumen (Löschen einer womöglich angelegten Instanz) ist nach 1 Versuch in 30 s nicht gelungen: der Anbieter antwortete mit HTTP 500",
            "the broker's catalog could not be read: its answer is no OSB catalog | der Katalog des Anbieters ließ sich nicht lesen: seine Antwort ist kein Katalog nach der Open-Service-Broker-Schnittstelle",
            "the broker's catalog could not be read: the broker answered 404 | der Katalog des Anbieters ließ sich nicht lesen: der Anbieter antwortete mit HTTP 404",
            "the service 5d1c2a8e is not in the catalog (waited 300 s for the catalog) | die Leistung 5d1c2a8e steht nicht im Katalog des Marktplatzes (nach 300 s Warten auf den Katalog)",
            "the provider of the service 5d1c2a8e has no broker URL (waited 300 s for the catalog) | der Anbieter der Leistung 5d1c2a8e hat keine Broker-Adresse (nach 300 s Warten auf den Katalog)",
            "the service 5d1c2a8e has no plan 'komfort' (waited 300 s for the catalog) | die Leistung 5d1c2a8e hat keinen Plan „komfort“ (nach 300 s Warten auf den Katalog)",
            "the broker's catalog does not let the plan 'standard' change to another (plan_updateable is not true) | laut Katalog des Anbieters lässt sich der Plan „standard“ nicht wechseln (plan_updateable ist nicht true)",
            "the broker's catalog does not allow context updates (allow_context_updates is not true), so the instance cannot be locked there | laut Katalog des Anbieters lässt sich die Instanz dort nicht sperren (allow_context_updates ist nicht true)",
            "the broker's catalog does not allow context updates (allow_context_updates is not true), so the instance cannot be unlocked there | laut Katalog des Anbieters lässt sich die Instanz dort nicht entsperren (allow_context_updates ist nicht true)",
            "could not connect to the broker: Connection refused | keine Verbindung zum Anbieter: Connection refused",
            "the connection to the broker broke: EOF reached while reading | die Verbindung zum Anbieter brach ab: EOF reached while reading",
            "no complete answer within 10000 ms | keine vollständige Antwort des Anbieters binnen 10000 ms",
            "interrupted while waiting | das Warten auf die Antwort des Anbieters wurde unterbrochen",
            "answer larger than 1 MiB (HTTP 200): reading stopped there | die Antwort des Anbieters (HTTP 200) ist größer als 1 MiB; sie wurde nicht weiter gelesen",
            "answer larger than 1000 bytes (HTTP 500): reading stopped there | die Antwort des Anbieters (HTTP 500) ist größer als 1000 Bytes; sie wurde nicht weiter gelesen",
            "the broker URL is not usable: Illegal character in path | die Broker-Adresse ist nicht verwendbar: Illegal character in path",
            "the broker URL is no URL: Illegal character in authority | die Broker-Adresse ist keine URL: Illegal character in authority",
            "the broker URL osb.example/v2 is not an absolute URL with a host | die Broker-Adresse osb.example/v2 ist keine absolute URL mit Host",
            "the broker URL http://osb.example is not https, and its host is not allow-listed | die Broker-Adresse http://osb.example ist nicht https, und ihr Host ist nicht freigegeben",
            "the broker host osb.example does not resolve | der Host osb.example des Brokers lässt sich nicht auflösen",
            "the broker host osb.example did not resolve within 2000 ms | der Host osb.example des Brokers ließ sich nicht binnen 2000 ms auflösen",
            "the lookup of the broker host osb.example was interrupted | die Namensauflösung des Brokers osb.example wurde unterbrochen",
            "the broker host osb.example resolves to the private address 10.0.0.7, and is not allow-listed | der Host osb.example des Brokers führt zur Adresse 10.0.0.7, einer privaten Adresse, und ist nicht freigegeben",
            "the broker host osb.example resolves to the metadata address 169.254.169.254, and is not allow-listed | der Host osb.example des Brokers führt zur Adresse 169.254.169.254, der Adresse eines Metadatendienstes, und ist nicht freigegeben",
            "no broker is known for the service | für die Leistung ist kein Broker bekannt",
            "its catalog does not say instances_retrievable | laut seinem Katalog lassen sich die Instanzen dort nicht abrufen (instances_retrievable ist nicht true)",
            "the broker's catalog could not be read: could not connect to the broker: Connection refused | der Katalog des Anbieters ließ sich nicht lesen: keine Verbindung zum Anbieter: Connection refused",
            "the service stopped while it ran | der marketplace-service wurde beendet, während der Abgleich lief",
            "the broker is short-circuited after repeated failures (the last: the broker answered 503: busy); the job waits for it (gave up after 5 failed attempts in PT2M, retry budget PT2M) | der Marktplatz ruft den Anbieter nach wiederholten Fehlern vorerst nicht auf (zuletzt: der Anbieter antwortete mit HTTP 503: busy) (aufgegeben nach 5 gescheiterten Versuchen in 2 min, Zeitrahmen für Wiederholungen 2 min)"})
    void theMarketplacesReasonsReadGerman(String english, String german) {
        assertThat(FailureReasons.german(english)).isEqualTo(german);
    }

    @Test
    void aReasonNoRuleKnowsIsShownAsWritten() {
        assertThat(FailureReasons.german("the provider's mainframe is on fire")).isEqualTo(
                "the provider's mainframe is on fire");
        assertThat(FailureReasons.german(null)).isNull();
    }

    @Test
    void aDurationTheMarketplaceDidNotWriteInIsoStaysAsWritten() {
        assertThat(FailureReasons.german("no result from the broker within 1h"))
                .isEqualTo("der Anbieter hat binnen 1h kein Ergebnis gemeldet");
        assertThat(FailureReasons.german("no result from the broker within PT1H2M3.5S"))
                .isEqualTo("der Anbieter hat binnen 1 h 2 min 3,5 s kein Ergebnis gemeldet");
    }
}
