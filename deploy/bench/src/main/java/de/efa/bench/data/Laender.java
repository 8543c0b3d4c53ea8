package de.efa.bench.data;

import java.util.List;

/** The 16 Länder by their AGS code 01..16. */
public final class Laender {

    public static final List<String> NAMES = List.of("Schleswig-Holstein", "Hamburg", "Niedersachsen", "Bremen",
            "Nordrhein-Westfalen", "Hessen", "Rheinland-Pfalz", "Baden-Württemberg", "Bayern", "Saarland", "Berlin",
            "Brandenburg", "Mecklenburg-Vorpommern", "Sachsen", "Sachsen-Anhalt", "Thüringen");

    private Laender() {
    }

    /** {@code 0} → {@code "01"}. */
    public static String code(int index) {
        return String.format("%02d", index % NAMES.size() + 1);
    }

    public static String name(String code) {
        return NAMES.get(Integer.parseInt(code) - 1);
    }
}
