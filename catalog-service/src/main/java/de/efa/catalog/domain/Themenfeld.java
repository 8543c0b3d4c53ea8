package de.efa.catalog.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The 14 OZG Themenfelder; the code is what the API speaks, the German name what people read. */
public enum Themenfeld {
    ARBEIT_RUHESTAND("arbeit-ruhestand", "Arbeit & Ruhestand"),
    BAUEN_WOHNEN("bauen-wohnen", "Bauen & Wohnen"),
    BILDUNG("bildung", "Bildung"),
    EIN_AUSWANDERUNG("ein-auswanderung", "Ein- & Auswanderung"),
    ENGAGEMENT_HOBBY("engagement-hobby", "Engagement & Hobby"),
    FAMILIE_KIND("familie-kind", "Familie & Kind"),
    FORSCHUNG_FOERDERUNG("forschung-foerderung", "Forschung & Förderung"),
    GESUNDHEIT("gesundheit", "Gesundheit"),
    MOBILITAET_REISEN("mobilitaet-reisen", "Mobilität & Reisen"),
    QUERSCHNITTSLEISTUNGEN("querschnittsleistungen", "Querschnittsleistungen", "Querschnitt"),
    RECHT_ORDNUNG("recht-ordnung", "Recht & Ordnung"),
    STEUERN_ZOLL("steuern-zoll", "Steuern & Zoll"),
    UMWELT("umwelt", "Umwelt"),
    UNTERNEHMENSFUEHRUNG("unternehmensfuehrung", "Unternehmensführung & -entwicklung");

    private final String code;
    private final String germanName;
    private final List<String> otherNames;

    Themenfeld(String code, String germanName, String... otherNames) {
        this.code = code;
        this.germanName = germanName;
        this.otherNames = List.of(otherNames);
    }

    public String code() {
        return code;
    }

    public String germanName() {
        return germanName;
    }

    public static Themenfeld ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new InvalidValueException("must be the code of an OZG Themenfeld, one of "
                        + Arrays.stream(values()).map(Themenfeld::code).collect(Collectors.joining(", "))));
    }

    /** The Themenfeld that the OZG catalog names so; older catalog versions use short names ("Querschnitt"). */
    public static Optional<Themenfeld> byGermanName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.germanName.equals(name) || t.otherNames.contains(name))
                .findFirst();
    }
}
