package de.efa.portal.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "No tenant with AGS 14729999 is registered | unter dem Gemeindeschlüssel 14729999 ist keine Kommune registriert",
            "Tenant 14729010 is PENDING; only an ACTIVE tenant can subscribe, conclude or change a subscription | die Kommune 14729010 wartet noch auf ihre Freigabe durch den Betrieb; abonnieren kann nur eine freigegebene Kommune",
            "Tenant 14729010 is SUSPENDED; only an ACTIVE tenant can subscribe, conclude or change a subscription | die Kommune 14729010 ist gesperrt; abonnieren kann nur eine freigegebene Kommune",
            "Tenant 14729010 is ARCHIVED; only an ACTIVE tenant can subscribe, conclude or change a subscription | die Kommune 14729010 hat den Status ARCHIVED; abonnieren kann nur eine freigegebene Kommune",
            "Tenant 14729010 already has a live subscription to service 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 (one that is not CANCELLED, FAILED, DECLINED, WITHDRAWN or EXPIRED) | die Kommune 14729010 hat schon ein Abonnement der Leistung 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41, das weder gekündigt noch fehlgeschlagen, abgelehnt, zurückgezogen oder abgelaufen ist",
            "You may act only for your own municipality, or as a bundler for a municipality that gave you a mandate | die Kommune hat dem Bündler kein Mandat erteilt, oder sie hat es widerrufen",
            "Terms are accepted only by the municipality itself or a bundler with its mandate; an operator may act for a municipality but never accept terms for it | Nutzungsbedingungen nimmt nur die Kommune selbst oder ein Bündler mit ihrem Mandat an, nie der Betrieb des Marktplatzes",
            "No service 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 in the catalog | die Leistung 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 steht nicht im Katalog",
            "Service 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 is DEPRECATED; only a PUBLISHED service can be subscribed to | die Leistung 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 ist abgekündigt; abonnieren lässt sich nur eine veröffentlichte Leistung",
            "Service 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 is RETIRED; only a PUBLISHED service can be subscribed to | die Leistung 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 ist eingestellt; abonnieren lässt sich nur eine veröffentlichte Leistung",
            "Service 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 is DRAFT; only a PUBLISHED service can be subscribed to | die Leistung 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 ist noch nicht veröffentlicht; abonnieren lässt sich nur eine veröffentlichte Leistung",
            "Service 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 is not offered in Sachsen | die Leistung 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 wird im Land der Kommune (Sachsen) nicht angeboten",
            "Service 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 has no plan 'komfort': planId is not a plan of this service | die Leistung 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 hat keinen Plan „komfort“ (mehr)",
            "1 parameter(s) do not satisfy the plan's schema: parameters.plz $.plz: does not match the regex pattern ^[0-9]{5}$ | die Konfiguration passt nicht zum Schema des Plans: parameters.plz: Bitte genau 5 Ziffern angeben.",
            "2 parameter(s) do not satisfy the plan's schema: parameters.plz is required; parameters.kanal must be one of \"BUNDID\", \"FIT_CONNECT\" | die Konfiguration passt nicht zum Schema des Plans: parameters.plz: Bitte ausfüllen: Das ist eine Pflichtangabe.; parameters.kanal: Bitte einen der vorgegebenen Werte wählen.",
            "The plan's parameter schema cannot be used; the provider has to fix it | das Konfigurationsschema des Plans ist nicht verwendbar; der Anbieter muss es berichtigen",
            "A subscription to a plan with a contract is declared only for a tenant with a Leitweg-ID; set it with PUT /api/v1/tenants/14729010/invoice-address: leitwegId is not set for tenant 14729010 | für einen Plan mit Vertrag braucht die Kommune 14729010 eine Leitweg-ID (XRechnung), die unter „Rechnungsadresse“ eingetragen wird",
            "This plan is reused under terms that must be accepted first: acceptedTerms must accept the plan's terms, version 2026-01 | die Nutzungsbedingungen des Plans (Version 2026-01) wurden nicht angenommen",
            "This plan is reused under terms that must be accepted first: acceptedTerms.version is 2025-12, but the plan's terms are of version 2026-01 | angenommen wurden die Nutzungsbedingungen in Version 2025-12, inzwischen gilt Version 2026-01",
            "The plan's annual price for 630000 inhabitants (100 cents and 9223372036854775807 cents per inhabitant) is larger than a price can be | der Jahrespreis des Plans für 630000 Einwohner (100 Cent und 9223372036854775807 Cent je Einwohner) ist größer, als ein Preis sein kann",
            "The change would be published as a de.efa.subscription.requested.v1 event of 1000352 bytes; at most 1000000 bytes are possible | der Auftrag an den Marktplatz (Ereignis de.efa.subscription.requested.v1) wäre 1000352 Bytes groß, möglich sind höchstens 1000000 Bytes",
            "Given up after 5 failed attempts (a fault of tenant-service, not a refusal): ERROR: no subscription for 14729010 today | aufgegeben nach 5 gescheiterten Versuchen (ein Fehler des tenant-service, keine Ablehnung): ERROR: no subscription for 14729010 today",
            "Given up after 1 failed attempts (a fault of tenant-service, not a refusal): could not serialize access | aufgegeben nach 1 gescheiterten Versuch (ein Fehler des tenant-service, keine Ablehnung): could not serialize access"})
    void theSkipReasonsOfTheTenantServiceReadGerman(String english, String german) {
        assertThat(RolloutReasons.german(english)).isEqualTo(german);
    }

    /** A FAILED item's reason is its subscription's, which the marketplace wrote. */
    @Test
    void aFailedProvisioningsReasonReadsAsOnTheSubscription() {
        assertThat(RolloutReasons.german("the broker answered 500 InternalError"))
                .isEqualTo("der Anbieter antwortete mit HTTP 500: InternalError");
    }

    @Test
    void aReasonNoRuleKnowsIsShownAsWritten() {
        assertThat(RolloutReasons.german("Tenant 14729010 fell into a well")).isEqualTo(
                "Tenant 14729010 fell into a well");
        assertThat(RolloutReasons.german(null)).isNull();
    }
}
