package de.efa.catalog.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a catalog search asks for; every filter is optional and they combine with AND. */
public record SearchCriteria(
        String query,
        Themenfeld themenfeld,
        LandCode land,
        LeikaKey leika,
        ReuseModel reuseModel,
        String providerId,
        SearchOrder order) {

    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    public boolean hasQuery() {
        return query != null;
    }

    /** Relevance needs a query to be relevant to; without one the order falls back to name. */
    public SearchOrder effectiveOrder() {
        if (order == null) {
            return hasQuery() ? SearchOrder.RELEVANCE : SearchOrder.NAME;
        }
        return order == SearchOrder.RELEVANCE && !hasQuery() ? SearchOrder.NAME : order;
    }

    /**
     * The query's words, each once, which a hit has inside its words when the full text does not find it: what is
     * neither letter nor digit separates words, as in the services' texts ("Kita-Gutschein", "100 %"). None
     * when the query uses the operators of the web search syntax (a quote, {@code or}, a leading minus): what they
     * mean for words inside words is nothing a caller could guess, so such a query is matched as full text only.
     */
    public List<SearchWord> words() {
        if (!hasQuery()) {
            return List.of();
        }
        String lowerCase = Normalizer.normalize(query.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        boolean operators = Arrays.stream(BLANKS.split(lowerCase))
                .anyMatch(word -> word.contains("\"") || word.startsWith("-") || word.equals("or"));
        return operators ? List.of() : Arrays.stream(SEPARATORS.split(lowerCase)).filter(word -> !word.isEmpty())
                .distinct().map(SearchWord::new).toList();
    }
}
