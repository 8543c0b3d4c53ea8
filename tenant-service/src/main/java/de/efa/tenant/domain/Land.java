package de.efa.tenant.domain;

import java.util.Arrays;
import java.util.Optional;

/** The 16 Länder with the two-digit code that opens every AGS of their municipalities. */
public enum Land {
    SCHLESWIG_HOLSTEIN("01", "Schleswig-Holstein"),
    HAMBURG("02", "Hamburg"),
    NIEDERSACHSEN("03", "Niedersachsen"),
    BREMEN("04", "Bremen"),
    NORDRHEIN_WESTFALEN("05", "Nordrhein-Westfalen"),
    HESSEN("06", "Hessen"),
    RHEINLAND_PFALZ("07", "Rheinland-Pfalz"),
    BADEN_WUERTTEMBERG("08", "Baden-Württemberg"),
    BAYERN("09", "Bayern"),
    SAARLAND("10", "Saarland"),
    BERLIN("11", "Berlin"),
    BRANDENBURG("12", "Brandenburg"),
    MECKLENBURG_VORPOMMERN("13", "Mecklenburg-Vorpommern"),
    SACHSEN("14", "Sachsen"),
    SACHSEN_ANHALT("15", "Sachsen-Anhalt"),
    THUERINGEN("16", "Thüringen");

    private final String code;
    private final String germanName;

    Land(String code, String germanName) {
        this.code = code;
        this.germanName = germanName;
    }

    public String code() {
        return code;
    }

    public String germanName() {
        return germanName;
    }

    public static Optional<Land> byCode(String code) {
        return Arrays.stream(values()).filter(land -> land.code.equals(code)).findFirst();
    }

    /** The Land of a code that must be valid; the message names the rule for the caller. */
    public static Land ofCode(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not a Land code (01 to 16)"));
    }
}
