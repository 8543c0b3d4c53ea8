package de.efa.catalog.domain;

import java.util.Map;
import java.util.Optional;

/** One of the 16 Länder by its two-digit code, the first two digits of every AGS in it. */
public record LandCode(String value) {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("01", "Schleswig-Holstein"), Map.entry("02", "Hamburg"), Map.entry("03", "Niedersachsen"),
            Map.entry("04", "Bremen"), Map.entry("05", "Nordrhein-Westfalen"), Map.entry("06", "Hessen"),
            Map.entry("07", "Rheinland-Pfalz"), Map.entry("08", "Baden-Württemberg"), Map.entry("09", "Bayern"),
            Map.entry("10", "Saarland"), Map.entry("11", "Berlin"), Map.entry("12", "Brandenburg"),
            Map.entry("13", "Mecklenburg-Vorpommern"), Map.entry("14", "Sachsen"), Map.entry("15", "Sachsen-Anhalt"),
            Map.entry("16", "Thüringen"));

    public LandCode {
        if (value == null || !NAMES.containsKey(value)) {
            throw new InvalidValueException("must be a Land code from 01 to 16, e.g. 14 for Sachsen");
        }
    }

    public static LandCode of(String value) {
        return new LandCode(value);
    }

    /** The Land of that German name ("Hessen"), as reference data names them. */
    public static Optional<LandCode> byName(String name) {
        return NAMES.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(name.strip()))
                .map(e -> new LandCode(e.getKey()))
                .findFirst();
    }

    public String name() {
        return NAMES.get(value);
    }
}
