package de.efa.portal.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$.a.plz: does not match the regex pattern ^[0-9]{5}$ | Bitte genau 5 Ziffern angeben.",
            "does not match the regex pattern ^[A-Z]{2}$ | Das Format stimmt nicht (erwartet: ^[A-Z]{2}$).",
            "required property 'name' not found | Bitte ausfüllen: Das ist eine Pflichtangabe.",
            "is too long to be checked against its pattern | Die Angabe ist zu lang, um sie auf das Format des Plans zu prüfen. Bitte kürzer fassen.",
            "holds a value too long to be checked against its format | Eine Angabe ist zu lang, um sie auf ihr Format (etwa E-Mail-Adresse oder Internetadresse) zu prüfen. Bitte kürzer fassen.",
            "are together too long to be checked against their patterns | Die Angaben sind zusammen zu lang, um sie auf die Formate des Plans zu prüfen. Bitte kürzer fassen.",
            "has property names too long to be checked against its patternProperties | Die Namen der Angaben sind zu lang, um sie auf das Format des Plans zu prüfen. Bitte kürzer fassen.",
            "does not match the email pattern must be a valid RFC 5321 Mailbox | Bitte eine gültige E-Mail-Adresse angeben, z. B. name@kommune.de.",
            "string found, integer expected | Bitte eine ganze Zahl angeben.",
            "does not have a value in the enumeration [BUNDID, FIT_CONNECT] | Bitte einen der vorgegebenen Werte wählen.",
            "must be valid to one and only one schema, but 0 are valid | Die Angabe passt zu keiner der vorgesehenen Möglichkeiten.",
            "must be the constant value 'FIT_CONNECT' | Bitte einen der vorgegebenen Werte wählen.",
            "must have a minimum value of 0 | Der Wert muss mindestens 0 sein.",
            "is required for the contract model TERMS | Bei diesem Vertragsmodell bitte Version, Adresse und Prüfsumme der Nutzungsbedingungen angeben.",
            "is required | Bitte ausfüllen: Das ist eine Pflichtangabe.",
            "is 2025-12, but the plan's terms are of version 2026-01 | Inzwischen gelten die Nutzungsbedingungen in Version 2026-01. Bitte lesen Sie sie und nehmen Sie sie an.",
            "must not be after to | Der Beginn darf nicht nach dem Ende liegen.",
            "must be today (2026-12-02) or later | Der Beginn darf nicht vor heute (02.12.2026) liegen.",
            "population '12.5' is not a whole number of 0 or more | Die Einwohnerzahl „12.5“ ist keine ganze Zahl ab 0.",
            "AGS 14713000 is on line 2 already | Der Gemeindeschlüssel 14713000 steht schon in Zeile 2.",
            "has 4 columns, not the 5 of ags,name,land_code,population,source_year | Die Zeile hat 4 statt 5 Spalten (ags,name,land_code,population,source_year).",
            "must name at least one of all, land, kreis, ags and clientsOf | Bitte wählen Sie aus, an welche Kommunen ausgerollt wird.",
            "something new | Ungültige Angabe (Hinweis des Dienstes: something new)."})
    void serviceMessagesReadGerman(String english, String german) {
        assertThat(ViolationTexts.german(english)).isEqualTo(german);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Interest declared by bundler kisa | von Bündler kisa",
            "Requested by municipality 14713000 | von Kommune 14713000",
            "Offered by provider akdb: Einrichtung ohne Gebühr: ab Januar | von Anbieter akdb: Einrichtung ohne Gebühr: ab Januar",
            "Cancellation requested by operator 5f1c-subject | von Betrieb des Marktplatzes",
            "Expired: the offer was not concluded within 30 days | das Angebot wurde nicht binnen 30 Tagen angenommen",
            "Expired: the interest was not answered within 30 days | die Interessenbekundung blieb 30 Tage unbeantwortet",
            "Update requested by municipality 14713000 (new configuration); in effect until the provider confirms: plan standard, parameters {\"a\": 1}, 500.00 € setup fee, 1,220.00 € a year | von Kommune 14713000: neue Konfiguration; bis der Anbieter die Änderung umsetzt, gelten Plan standard, Konfiguration und Preis wie bisher",
            "Update requested by bundler kisa (plan standard → komfort, 0.00 € setup fee, 2,360.00 € a year); in effect until the provider confirms: plan standard, parameters {}, 500.00 € setup fee, 13,774.36 € a year | von Bündler kisa: Plan standard → komfort, Einrichtung 0,00 €, jährlich 2.360,00 €; bis der Anbieter die Änderung umsetzt, gelten Plan standard, Konfiguration und Preis wie bisher",
            "Plan changed at the provider: standard → komfort, 500.00 € setup fee, 13,774.36 € a year | Plan beim Anbieter gewechselt: standard → komfort, Einrichtung 500,00 €, jährlich 13.774,36 €",
            "Plan changed at the provider: standard → komfort, 500.00 € setup fee, 13,774.36 € a year; the provider reports plan basis | Plan beim Anbieter gewechselt: standard → komfort, Einrichtung 500,00 €, jährlich 13.774,36 €; der Anbieter meldet den Plan basis",
            "Configuration updated at the provider; the provider reports plan basis | Konfiguration beim Anbieter geändert; der Anbieter meldet den Plan basis",
            "Update failed, plan standard and its configuration stay: the broker answered 400 | Änderung gescheitert; Plan standard und seine Konfiguration gelten weiter: der Anbieter antwortete mit HTTP 400",
            "Suspension requested: tenant suspended by operator 5f1c | die Kommune wurde gesperrt, von Betrieb des Marktplatzes",
            "Instance resumed, but the provider did not confirm it: timeout | Instanz entsperrt, aber der Anbieter hat es nicht bestätigt: timeout",
            "Instance resumed at the provider; it stays unusable as before the suspension, until another change or a cancellation | Instanz beim Anbieter entsperrt; sie bleibt wie vor der Sperre nicht nutzbar, bis eine neue Änderung oder die Kündigung hilft",
            "Instance resumed, but the provider did not confirm it: the broker answered 500; it stays unusable as before the suspension, until another change or a cancellation | Instanz entsperrt, aber der Anbieter hat es nicht bestätigt: der Anbieter antwortete mit HTTP 500; sie bleibt wie vor der Sperre nicht nutzbar, bis eine neue Änderung oder die Kündigung hilft",
            "Population 628718 → 630000: 500.00 € setup fee, 13,774.36 € a year → 500.00 € setup fee, 13,800.00 € a year | Einwohnerzahl 628.718 → 630.000: Einrichtung 500,00 €, jährlich 13.774,36 € → Einrichtung 500,00 €, jährlich 13.800,00 €",
            "Population 628718 → 630000 (loaded by operator 5f1c): 500.00 € setup fee, 13,774.36 € a year → 500.00 € setup fee, 13,800.00 € a year | Einwohnerzahl 628.718 → 630.000, übernommen von Betrieb des Marktplatzes: Einrichtung 500,00 €, jährlich 13.774,36 € → Einrichtung 500,00 €, jährlich 13.800,00 €",
            "Population 10000 → 12000 (loaded by operator 5f1c-ab): 500.00 € setup fee, 1,200.00 € a year → 500.00 € setup fee, 1,240.00 € a year; the requested plan komfort now costs 0.00 € setup fee, 2,360.00 € a year | Einwohnerzahl 10.000 → 12.000, übernommen von Betrieb des Marktplatzes: Einrichtung 500,00 €, jährlich 1.200,00 € → Einrichtung 500,00 €, jährlich 1.240,00 €; der beantragte Plan komfort kostet jetzt Einrichtung 0,00 €, jährlich 2.360,00 €",
            "Population 10000 → 12000 (loaded by operator 5f1c); the requested plan komfort now costs 0.00 € setup fee, 2,360.00 € a year | Einwohnerzahl 10.000 → 12.000, übernommen von Betrieb des Marktplatzes; der beantragte Plan komfort kostet jetzt Einrichtung 0,00 €, jährlich 2.360,00 €",
            "the broker answered 500 | der Anbieter antwortete mit HTTP 500",
            "PROVISION started at the provider | Einrichtung beim Anbieter begonnen",
            "DEPROVISION started at the provider | Abbau beim Anbieter begonnen",
            "UPDATE started at the provider | Änderung beim Anbieter begonnen",
            "SUSPEND started at the provider | Sperre beim Anbieter begonnen",
            "RESUME started at the provider | Entsperrung beim Anbieter begonnen",
            "Instance cc7ec564-1f2e-4a3b-9c8d-7e6f5a4b3c2d provisioned | Instanz cc7ec564-1f2e-4a3b-9c8d-7e6f5a4b3c2d eingerichtet",
            "Instance cc7ec564 deprovisioned | Instanz cc7ec564 abgebaut",
            "PROVISION failed | Einrichtung gescheitert",
            "DEPROVISION failed | Abbau gescheitert",
            "RESUME failed | Entsperrung gescheitert",
            "UPDATE failed | Änderung gescheitert",
            "Instance suspended at the provider | Instanz beim Anbieter gesperrt",
            "Instance suspended at the provider: it has now confirmed the lock | Instanz beim Anbieter gesperrt: er hat die Sperre inzwischen bestätigt",
            "Instance suspended, but the provider did not confirm it: no reason given | Instanz gesperrt, aber der Anbieter hat es nicht bestätigt: kein Grund angegeben",
            "Update failed, the instance stays unusable: UPDATE failed | Änderung gescheitert, die Instanz bleibt nicht nutzbar: Änderung gescheitert",
            "Resumption failed, the instance stays suspended: the broker reports the operation failed | Entsperrung gescheitert, die Instanz bleibt gesperrt: der Anbieter meldet, dass der Vorgang gescheitert ist",
            "the broker reports the operation failed: Postfach voll | der Anbieter meldet, dass der Vorgang gescheitert ist: Postfach voll",
            "Update failed, plan standard and its configuration stay: the broker reports the operation failed: plan unknown | Änderung gescheitert; Plan standard und seine Konfiguration gelten weiter: der Anbieter meldet, dass der Vorgang gescheitert ist: plan unknown"})
    void historiesSayInGermanWhoActed(String english, String german) {
        assertThat(HistoryTexts.detail(english)).isEqualTo(german);
    }

    /**
     * Every text that names a plan, with the catalog's names at hand: "standard" and "komfort" are known there,
     * "basis" is not, and reads as its id.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Update requested by bundler kisa (plan standard → komfort, 0.00 € setup fee, 2,360.00 € a year); in effect until the provider confirms: plan standard, parameters {}, 500.00 € setup fee, 13,774.36 € a year | von Bündler kisa: Plan „Standard“ → „Komfort mit Schnittstelle“, Einrichtung 0,00 €, jährlich 2.360,00 €; bis der Anbieter die Änderung umsetzt, gelten Plan „Standard“, Konfiguration und Preis wie bisher",
            "Update requested by bundler kisa (plan basis → standard, 0.00 € setup fee, 900.00 € a year); in effect until the provider confirms: plan basis, parameters {}, 0.00 € setup fee, 600.00 € a year | von Bündler kisa: Plan „basis“ → „Standard“, Einrichtung 0,00 €, jährlich 900,00 €; bis der Anbieter die Änderung umsetzt, gelten Plan „basis“, Konfiguration und Preis wie bisher",
            "Update requested by municipality 14713000 (new configuration); in effect until the provider confirms: plan standard, parameters {\"a\": 1}, 500.00 € setup fee, 1,220.00 € a year | von Kommune 14713000: neue Konfiguration; bis der Anbieter die Änderung umsetzt, gelten Plan „Standard“, Konfiguration und Preis wie bisher",
            "Plan changed at the provider: standard → komfort, 500.00 € setup fee, 13,774.36 € a year | Plan beim Anbieter gewechselt: „Standard“ → „Komfort mit Schnittstelle“, Einrichtung 500,00 €, jährlich 13.774,36 €",
            "Plan changed at the provider: standard → komfort, 500.00 € setup fee, 13,774.36 € a year; the provider reports plan basis | Plan beim Anbieter gewechselt: „Standard“ → „Komfort mit Schnittstelle“, Einrichtung 500,00 €, jährlich 13.774,36 €; der Anbieter meldet den Plan „basis“",
            "Configuration updated at the provider; the provider reports plan komfort | Konfiguration beim Anbieter geändert; der Anbieter meldet den Plan „Komfort mit Schnittstelle“",
            "Configuration updated at the provider; the provider reports plan basis | Konfiguration beim Anbieter geändert; der Anbieter meldet den Plan „basis“",
            "Update failed, plan standard and its configuration stay: the broker answered 400 | Änderung gescheitert; Plan „Standard“ und seine Konfiguration gelten weiter: der Anbieter antwortete mit HTTP 400",
            "Update failed, plan basis and its configuration stay: the broker answered 400 | Änderung gescheitert; Plan „basis“ und seine Konfiguration gelten weiter: der Anbieter antwortete mit HTTP 400",
            "Population 10000 → 12000 (loaded by operator 5f1c); the requested plan komfort now costs 0.00 € setup fee, 2,360.00 € a year | Einwohnerzahl 10.000 → 12.000, übernommen von Betrieb des Marktplatzes; der beantragte Plan „Komfort mit Schnittstelle“ kostet jetzt Einrichtung 0,00 €, jährlich 2.360,00 €",
            "Population 10000 → 12000 (loaded by operator 5f1c); the requested plan basis now costs 0.00 € setup fee, 2,360.00 € a year | Einwohnerzahl 10.000 → 12.000, übernommen von Betrieb des Marktplatzes; der beantragte Plan „basis“ kostet jetzt Einrichtung 0,00 €, jährlich 2.360,00 €"})
    void historiesNamePlansAsTheCatalogDoes(String english, String german) {
        Map<String, String> catalog = Map.of("standard", "Standard", "komfort", "Komfort mit Schnittstelle");

        assertThat(HistoryTexts.detail(english, id -> catalog.getOrDefault(id, id))).isEqualTo(german);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.200,50 | 120050", "1200 | 120000", "1200.5 | 120050", "1.200 | 120000",
            "0,02 | 2", "12,345 | ", "zwölf | ", "-5 | "})
    void amountsInEurosAreReadAsCents(String text, Long cents) {
        assertThat(Euro.parse(text)).isEqualTo(cents);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"120050 | 1.200,50", "2 | 0,02", "0 | 0,00"})
    void centsAreWrittenAsEuros(long cents, String text) {
        assertThat(Euro.format(cents)).isEqualTo(text);
    }
}
