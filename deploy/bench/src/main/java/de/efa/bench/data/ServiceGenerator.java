package de.efa.bench.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A large, realistic catalog from the OZG catalog: every OZG-Leistung offered by several providers for several
 * lead Länder, as it is in the EfA world (one Land builds it, others reuse it). Deterministic for a seed, so that
 * runs are comparable.
 */
public final class ServiceGenerator {

    private static final List<String> REUSE_MODELS = List.of("FIT_STORE", "EFA_MARKTPLATZ", "DIREKTVERTRAG", "OPEN_SOURCE");
    private static final List<String> EDITIONS = List.of("Basis", "Plus", "Kommunal", "Landesweit", "Kompakt", "Premium");

    private final List<OzgLeistung> catalog;
    private final Random random;

    public ServiceGenerator(List<OzgLeistung> catalog, long seed) {
        this.catalog = catalog;
        this.random = new Random(seed);
    }

    /** {@code count} service requests; {@code providers} take turns as owners. */
    public List<GeneratedService> generate(int count, List<String> providers) {
        List<GeneratedService> services = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            OzgLeistung leistung = catalog.get(i % catalog.size());
            int variant = i / catalog.size();
            String provider = providers.get(i % providers.size());
            services.add(new GeneratedService(provider, body(leistung, variant, i, provider)));
        }
        return services;
    }

    private Map<String, Object> body(OzgLeistung leistung, int variant, int index, String provider) {
        String leadLand = Laender.code(index * 7 + variant);
        String name = variant == 0 ? leistung.name()
                : leistung.name() + " – " + EDITIONS.get(variant % EDITIONS.size()) + " " + Laender.name(leadLand);
        return Map.ofEntries(
                Map.entry("slug", slug(leistung.name(), index)),
                Map.entry("name", truncate(name, 200)),
                Map.entry("summary", truncate(leistung.name() + " online beantragen: Lebenslage " + leistung.lebenslage()
                        + ", nachnutzbar nach dem Einer-für-Alle-Prinzip", 500)),
                Map.entry("description", "Digitale Umsetzung der OZG-Leistung „" + leistung.name() + "“ (OZG-ID "
                        + leistung.ozgId() + ") für die Lebenslage " + leistung.lebenslage() + ". Federführend: "
                        + Laender.name(leadLand) + ". Betrieb als Software-as-a-Service durch " + provider
                        + "; Kommunen nutzen den Dienst nach, statt ihn selbst zu entwickeln. Mit Nachweisabruf, "
                        + "Bezahlung und Bescheidzustellung in das Postfach der Antragstellenden."),
                Map.entry("keywords", keywords(leistung)),
                Map.entry("leikaKeys", leistung.leikaKeys()),
                Map.entry("ozgId", leistung.ozgId()),
                Map.entry("themenfeld", leistung.themenfeld()),
                Map.entry("leadLand", leadLand),
                Map.entry("availableIn", availableIn()),
                Map.entry("reuseModels", List.of(REUSE_MODELS.get(random.nextInt(REUSE_MODELS.size())))),
                Map.entry("languages", random.nextInt(4) == 0 ? List.of("de", "en") : List.of("de")),
                Map.entry("accessibility", Map.of("bitvStatement", "https://" + provider + ".example/barrierefreiheit",
                        "feedbackMechanism", "barrierefreiheit@" + provider + ".example")),
                Map.entry("plans", List.of(PlanFixture.standard())));
    }

    /** Half the services may be reused everywhere; the others in one to four Länder. */
    private List<String> availableIn() {
        if (random.nextBoolean()) {
            return List.of();
        }
        Set<String> laender = new LinkedHashSet<>();
        int count = 1 + random.nextInt(4);
        while (laender.size() < count) {
            laender.add(Laender.code(random.nextInt(16)));
        }
        return List.copyOf(laender);
    }

    private static List<String> keywords(OzgLeistung leistung) {
        Set<String> words = new LinkedHashSet<>(SearchTerms.words(leistung.name()));
        words.addAll(SearchTerms.words(leistung.lebenslage()));
        return words.stream().limit(30).toList();
    }

    static String slug(String name, int index) {
        String ascii = Normalizer.normalize(name.toLowerCase(Locale.GERMAN)
                        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"),
                Normalizer.Form.NFD).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String prefix = ascii.length() > 60 ? ascii.substring(0, 60).replaceAll("-+$", "") : ascii;
        return (prefix.isEmpty() ? "leistung" : prefix) + "-" + index;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** A service body and the provider that creates it. */
    public record GeneratedService(String providerId, Map<String, Object> body) {
    }
}
