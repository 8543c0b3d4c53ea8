package de.efa.bench.data;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Catalog searches as a portal's visitors send them: mostly German words in some inflection, often combined
 * with a Themenfeld, Land or LeiKa filter, a few pure filter listings, mostly the first page.
 */
public final class SearchMix {

    private static final int[] SIZES = {10, 20, 20, 20, 50};

    private final List<OzgLeistung> catalog;
    private final Random random;

    public SearchMix(List<OzgLeistung> catalog, long seed) {
        this.catalog = catalog;
        this.random = new Random(seed);
    }

    /** {@code count} request paths (with query) under {@code /api/v1/services}. */
    public List<String> paths(int count) {
        List<String> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            paths.add(path());
        }
        return paths;
    }

    private String path() {
        OzgLeistung leistung = catalog.get(random.nextInt(catalog.size()));
        StringJoiner query = new StringJoiner("&");
        int kind = random.nextInt(100);
        if (kind < 85) {
            query.add("q=" + encode(words(leistung)));
        }
        if (kind >= 85 || random.nextInt(100) < 30) {
            query.add("themenfeld=" + leistung.themenfeld());
        }
        if (random.nextInt(100) < 25) {
            query.add("land=" + Laender.code(random.nextInt(16)));
        }
        if (random.nextInt(100) < 10) {
            query.add("leika=" + leistung.leikaKeys().get(random.nextInt(leistung.leikaKeys().size())));
        }
        if (random.nextInt(100) < 25) {
            query.add("page=" + (1 + random.nextInt(4)));
        }
        query.add("size=" + SIZES[random.nextInt(SIZES.length)]);
        return "/api/v1/services?" + query;
    }

    /** One or two words of the service's name, inflected. */
    private String words(OzgLeistung leistung) {
        List<String> words = SearchTerms.words(leistung.name());
        if (words.isEmpty()) {
            words = SearchTerms.words(leistung.lebenslage());
        }
        if (words.isEmpty()) {
            return leistung.name();
        }
        String first = SearchTerms.inflect(words.get(random.nextInt(words.size())), random.nextInt(30));
        if (words.size() > 1 && random.nextInt(100) < 30) {
            return first + " " + SearchTerms.inflect(words.get(random.nextInt(words.size())), random.nextInt(30));
        }
        return first;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
