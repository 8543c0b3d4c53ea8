package de.efa.bench.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One service of the OZG catalog 2019, with its Themenfeld as the catalog API codes it. */
public record OzgLeistung(String ozgId, String name, String lebenslage, String themenfeld, List<String> leikaKeys) {

    private static final String RESOURCE = "/data/ozg-katalog-2019.csv";

    /** The catalog's German Themenfeld names (2019 edition) and the catalog's codes (GET /themenfelder). */
    private static final Map<String, String> THEMENFELD_CODES = Map.ofEntries(
            Map.entry("Arbeit & Ruhestand", "arbeit-ruhestand"),
            Map.entry("Bauen & Wohnen", "bauen-wohnen"),
            Map.entry("Bildung", "bildung"),
            Map.entry("Ein- & Auswanderung", "ein-auswanderung"),
            Map.entry("Engagement & Hobby", "engagement-hobby"),
            Map.entry("Familie & Kind", "familie-kind"),
            Map.entry("Forschung & Förderung", "forschung-foerderung"),
            Map.entry("Gesundheit", "gesundheit"),
            Map.entry("Mobilität & Reisen", "mobilitaet-reisen"),
            Map.entry("Querschnitt", "querschnittsleistungen"),
            Map.entry("Recht & Ordnung", "recht-ordnung"),
            Map.entry("Steuern & Zoll", "steuern-zoll"),
            Map.entry("Umwelt", "umwelt"),
            Map.entry("Unternehmensführung & -entwicklung", "unternehmensfuehrung"));

    /** The services that name at least one LeiKa key, which the catalog requires (533 of 557). */
    public static List<OzgLeistung> withLeikaKeys() {
        return Csv.readResource(RESOURCE).stream()
                .filter(row -> !row.get("leika_keys").isBlank())
                .map(row -> new OzgLeistung(row.get("ozg_id"), row.get("ozg_leistung"), row.get("lebenslage"),
                        themenfeldCode(row.get("themenfeld")), Arrays.asList(row.get("leika_keys").split(";"))))
                .toList();
    }

    static String themenfeldCode(String germanName) {
        String code = THEMENFELD_CODES.get(germanName);
        if (code == null) {
            throw new IllegalArgumentException("unknown Themenfeld in the OZG catalog: " + germanName);
        }
        return code;
    }
}
