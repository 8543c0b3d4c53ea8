package de.efa.portal.service;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German wording for the services' field messages, which are English (those of the JSON Schema validator and the
 * services' own checks). A message no rule knows is shown as the service wrote it, after a German lead-in.
 */
public final class ViolationTexts {

    /** The JSON Schema validator puts the instance location first: "$.a.b: does not match …". */
    private static final Pattern LOCATION = Pattern.compile("^[$/][^ ]*: ");

    private static final List<TextRule> RULES = List.of(
            TextRule.of("is required for the contract model \\w+",
                    m -> "Bei diesem Vertragsmodell bitte Version, Adresse und Prüfsumme der Nutzungsbedingungen angeben."),
            TextRule.of("must be absent for the contract model NONE",
                    m -> "Ohne Vereinbarung gibt es keine Nutzungsbedingungen: bitte diese Angaben leeren."),
            TextRule.of("required property '.+' not found|is required.*|must not be blank",
                    m -> "Bitte ausfüllen: Das ist eine Pflichtangabe."),
            TextRule.of("does not match the regex pattern \\^\\[0-9]\\{(\\d+)}\\$",
                    m -> "Bitte genau " + m.group(1) + " Ziffern angeben."),
            TextRule.of("does not match the regex pattern (.+)",
                    m -> "Das Format stimmt nicht (erwartet: " + m.group(1) + ")."),
            TextRule.of("is too long to be checked against its pattern",
                    m -> "Die Angabe ist zu lang, um sie auf das Format des Plans zu prüfen. Bitte kürzer fassen."),
            TextRule.of("holds a value too long to be checked against its format",
                    m -> "Eine Angabe ist zu lang, um sie auf ihr Format (etwa E-Mail-Adresse oder Internetadresse) zu "
                            + "prüfen. Bitte kürzer fassen."),
            TextRule.of("are together too long to be checked against their patterns",
                    m -> "Die Angaben sind zusammen zu lang, um sie auf die Formate des Plans zu prüfen. Bitte kürzer fassen."),
            TextRule.of("has property names too long to be checked against its patternProperties",
                    m -> "Die Namen der Angaben sind zu lang, um sie auf das Format des Plans zu prüfen. Bitte kürzer fassen."),
            TextRule.of("does not match the email pattern.*|must be an e-mail address",
                    m -> "Bitte eine gültige E-Mail-Adresse angeben, z. B. name@kommune.de."),
            TextRule.of("must be an absolute https URL \\(http only for localhost\\).*",
                    m -> "Bitte eine vollständige https-Adresse angeben, z. B. https://www.anbieter.de/nutzungsbedingungen.html."),
            TextRule.of("does not match the (uri|iri) pattern.*|must be an absolute http or https URL.*",
                    m -> "Bitte eine vollständige Adresse angeben, z. B. https://www.kommune.de."),
            TextRule.of("does not match the (\\S+) pattern.*", m -> "Das Format stimmt nicht (" + m.group(1) + ")."),
            TextRule.of("does not have a value in the enumeration.*|must be one of.*|must be the constant value .*",
                    m -> "Bitte einen der vorgegebenen Werte wählen."),
            TextRule.of("must be valid to one and only one schema, but 0 are valid",
                    m -> "Die Angabe passt zu keiner der vorgesehenen Möglichkeiten."),
            TextRule.of("must be at least (\\d+) characters long", m -> "Bitte mindestens " + m.group(1) + " Zeichen angeben."),
            TextRule.of("must be at most (\\d+) characters long|must be at most (\\d+) characters",
                    m -> "Bitte höchstens " + first(m) + " Zeichen angeben."),
            TextRule.of("must have a minimum value of (.+)", m -> "Der Wert muss mindestens " + m.group(1) + " sein."),
            TextRule.of("must have a maximum value of (.+)", m -> "Der Wert darf höchstens " + m.group(1) + " sein."),
            TextRule.of("must be 0 or more|must be zero or more.*|population must be 0 or more",
                    m -> "Der Wert darf nicht negativ sein."),
            TextRule.of("\\w+ found, integer expected|must be a whole number", m -> "Bitte eine ganze Zahl angeben."),
            TextRule.of("\\w+ found, number expected", m -> "Bitte eine Zahl angeben."),
            TextRule.of("\\w+ found, (\\w+) expected", m -> "Die Angabe hat die falsche Art (erwartet: " + m.group(1) + ")."),
            TextRule.of("property '.+' is not defined in the schema.*", m -> "Diese Angabe sieht der Plan nicht vor."),
            TextRule.of("must be 8 digits", m -> "Bitte den Amtlichen Gemeindeschlüssel mit 8 Ziffern angeben."),
            TextRule.of("must be 12 digits", m -> "Bitte den Amtlichen Regionalschlüssel mit 12 Ziffern angeben."),
            TextRule.of("must contain the AGS \\d+: (\\d+), the 4 digits of the Gemeindeverband, then (\\d+)",
                    m -> "Der Regionalschlüssel Ihrer Kommune beginnt mit " + m.group(1) + ", dann folgen die 4 Ziffern "
                            + "des Gemeindeverbands und " + m.group(2) + "."),
            TextRule.of("must be 2 to 12 digits, optionally '-' and 1 to 30 letters or digits, then '-' and two check digits.*",
                    m -> "Bitte eine Leitweg-ID wie 04011000-1234512345-06 angeben: 2 bis 12 Ziffern, wahlweise ein "
                            + "Bindestrich und bis zu 30 Buchstaben oder Ziffern, dann ein Bindestrich und zwei Prüfziffern."),
            TextRule.of("has the check digits (\\d+), but ISO 7064 MOD 97-10 gives (\\d+) for \\S+",
                    m -> "Die Prüfziffern stimmen nicht: Sie lauten " + m.group(2) + ", nicht " + m.group(1) + "."),
            TextRule.of("is not set for tenant \\d+",
                    m -> "Für Pläne mit Vertrag braucht die Kommune eine Leitweg-ID (XRechnung). Sie trägt sie unter "
                            + "„Rechnungsadresse“ ein."),
            TextRule.of("must accept the (?:plan's|offer's) terms, version (.+)",
                    m -> "Bitte bestätigen Sie, dass Sie die Nutzungsbedingungen (Version " + m.group(1)
                            + ") gelesen haben und annehmen."),
            TextRule.of("is .+, but the (?:plan's|offer's) terms are of version (.+)",
                    m -> "Inzwischen gelten die Nutzungsbedingungen in Version " + m.group(1)
                            + ". Bitte lesen Sie sie und nehmen Sie sie an."),
            TextRule.of("must be given, with at least a note", m -> "Bitte die Bedingungen des Angebots angeben."),
            TextRule.of("must be 0 cents or more", m -> "Der Betrag darf nicht negativ sein."),
            TextRule.of("must be a date like (.+)", m -> "Bitte ein Datum angeben, z. B. " + m.group(1) + "."),
            TextRule.of("must be today \\((\\d{4})-(\\d\\d)-(\\d\\d)\\) or later",
                    m -> "Der Beginn darf nicht vor heute (" + m.group(3) + "." + m.group(2) + "." + m.group(1)
                            + ") liegen."),
            TextRule.of("must be a LeiKa key.*", m -> "Jeder LeiKa-Schlüssel hat genau 14 Ziffern, z. B. 99023001012000."),
            TextRule.of("must be a Land code.*|must start with a Land code.*",
                    m -> "Bitte ein Land wählen (Schlüssel 01 bis 16)."),
            TextRule.of("must be the code of an OZG Themenfeld.*", m -> "Bitte ein Themenfeld wählen."),
            TextRule.of("must be the number of an OZG-Leistung.*", m -> "Bitte die Nummer der OZG-Leistung angeben, z. B. 10169."),
            TextRule.of("must be lower-case letters, digits and single hyphens.*",
                    m -> "Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. B. fuehrerschein-digital."),
            TextRule.of("must be a two-letter ISO 639-1 language code.*",
                    m -> "Sprachen mit zwei Buchstaben angeben, z. B. de, en."),
            TextRule.of("must be 1 to (\\d+) printable characters without white space at either end.*",
                    m -> "Bitte 1 bis " + m.group(1) + " Zeichen ohne Leerzeichen am Anfang und Ende angeben, z. B. 2026-01."),
            TextRule.of("must be the SHA-256 of the document.*",
                    m -> "Bitte die SHA-256-Prüfsumme des Textes angeben: 64 Hexadezimalziffern."),
            TextRule.of("must be a UUID",
                    m -> "Bitte eine Kennung mit 36 Zeichen angeben, z. B. 5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41."),
            TextRule.of("must name at least one of all, land, kreis, ags and clientsOf",
                    m -> "Bitte wählen Sie aus, an welche Kommunen ausgerollt wird."),
            TextRule.of("is taken by another service", m -> "Dieser Kurzname ist schon vergeben."),
            TextRule.of("is not a plan of this service", m -> "Diesen Plan gibt es bei der Leistung nicht."),
            TextRule.of("the AGS of a Landkreis ends in 000", m -> "Der Schlüssel eines Landkreises endet auf 000."),
            TextRule.of("must be a JSON Schema object|schema is not JSON",
                    m -> "Bitte ein JSON-Schema als Objekt angeben, z. B. {\"type\": \"object\"}."),
            // The audit trail's filters.
            TextRule.of("must not be after to", m -> "Der Beginn darf nicht nach dem Ende liegen."),
            TextRule.of("must be a type \\(.+\\) or type:id.*",
                    m -> "Bitte eine Art (z. B. subscription) oder Art und Kennung angeben (z. B. tenant:14713000)."),
            TextRule.of("(\\d+) entries match, at most (\\d+) fit one answer: narrow from and to",
                    m -> "Es passen " + m.group(1) + " Einträge, in eine Datei höchstens " + m.group(2)
                            + ": bitte den Zeitraum eingrenzen."),
            // The lines of a file of population figures.
            TextRule.of("must be the header (\\S+), (?:not .*|but the file is empty)",
                    m -> "Die erste Zeile muss die Kopfzeile " + m.group(1) + " sein."),
            TextRule.of("has (\\d+) columns, not the (\\d+) of (\\S+)",
                    m -> "Die Zeile hat " + m.group(1) + " statt " + m.group(2) + " Spalten (" + m.group(3) + ")."),
            TextRule.of("ags '(.*)' (?:must be|is not) 8 digits",
                    m -> "Der Gemeindeschlüssel „" + m.group(1) + "“ hat nicht genau 8 Ziffern."),
            TextRule.of("ags '(.*)' must start with a Land code.*",
                    m -> "Der Gemeindeschlüssel „" + m.group(1) + "“ beginnt nicht mit einem Land (01 bis 16)."),
            TextRule.of("name must not be blank", m -> "Der Name der Gemeinde fehlt."),
            TextRule.of("land_code '(.*)' is not the Land of AGS (\\d+) \\((\\d+)\\)",
                    m -> "Das Land „" + m.group(1) + "“ passt nicht zum Gemeindeschlüssel " + m.group(2) + " (Land "
                            + m.group(3) + ")."),
            TextRule.of("population '(.*)' is not a whole number of 0 or more",
                    m -> "Die Einwohnerzahl „" + m.group(1) + "“ ist keine ganze Zahl ab 0."),
            TextRule.of("source_year '(.*)' is not a year", m -> "„" + m.group(1) + "“ ist keine Jahreszahl."),
            TextRule.of("AGS (\\d+) is on line (\\d+) already",
                    m -> "Der Gemeindeschlüssel " + m.group(1) + " steht schon in Zeile " + m.group(2) + "."),
            TextRule.of("is not CSV: .*",
                    m -> "Ab hier ist die Datei kein gültiges CSV, etwa wegen eines nicht geschlossenen Anführungszeichens."));

    private ViolationTexts() {
    }

    public static String german(String message) {
        String text = message == null ? "" : LOCATION.matcher(message.trim()).replaceFirst("");
        return TextRule.german(RULES, text).orElse("Ungültige Angabe (Hinweis des Dienstes: " + text + ").");
    }

    private static String first(Matcher matcher) {
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
