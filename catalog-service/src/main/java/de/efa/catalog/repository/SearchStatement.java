package de.efa.catalog.repository;

import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.SearchOrder;
import de.efa.catalog.domain.SearchWord;
import de.efa.platform.paging.PageRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of one catalog search: German full text through the GIN index on {@code search_document}, words inside
 * compound words through the GIN index on {@code search_parts}, filters on plain columns and arrays, and a
 * stable order so that pages do not overlap.
 */
final class SearchStatement {

    /** The columns of {@code EfaService}; not {@code s.*}, which would also ship each hit's search document. */
    private static final String COLUMNS = "s.id, s.slug, s.name, s.summary, s.description, s.keywords, s.provider_id, "
            + "s.leika_keys, s.ozg_id, s.themenfeld, s.lead_land, s.available_in, s.reuse_models, s.languages, "
            + "s.bitv_statement, s.feedback_mechanism, s.plans, s.plan_count, s.status, s.version, s.created_at, "
            + "s.updated_at";

    /**
     * Full-text hits (whole words and their stems) above every hit that only has a word inside a longer word: the
     * caller who asks for "Antrag" wants the services about an Antrag before those about a Bauantrag.
     */
    private static final String RANK =
            "CASE WHEN s.search_document @@ query THEN 1 + ts_rank(s.search_document, query) ELSE 0 END";
    /** The statements cast with CAST(… AS …), never ::, so a colon always starts a parameter name. */
    private static final Pattern NAMED_PARAMETER = Pattern.compile(":(\\w+)");

    private final String from;
    private final String where;
    private final SearchOrder order;
    private final boolean readsEveryHit;
    private final Map<String, Object> parameters = new HashMap<>();

    SearchStatement(SearchCriteria criteria, Visibility visibility) {
        List<String> conditions = new ArrayList<>();
        StringBuilder tables = new StringBuilder("efa_service s");
        if (!visibility.all()) {
            if (visibility.owner() == null) {
                conditions.add("s.status = 'PUBLISHED'");
            } else {
                conditions.add("(s.status = 'PUBLISHED' OR s.provider_id = :owner)");
                parameters.put("owner", visibility.owner());
            }
        }
        if (criteria.hasQuery()) {
            tables.append(", websearch_to_tsquery('german', :q) query");
            conditions.add(matches(criteria.words(), tables));
            parameters.put("q", criteria.query());
        }
        if (criteria.themenfeld() != null) {
            conditions.add("s.themenfeld = :themenfeld");
            parameters.put("themenfeld", criteria.themenfeld().code());
        }
        if (criteria.land() != null) {
            conditions.add("(cardinality(s.available_in) = 0 OR s.available_in @> ARRAY[CAST(:land AS text)])");
            parameters.put("land", criteria.land().value());
        }
        if (criteria.leika() != null) {
            conditions.add("s.leika_keys @> ARRAY[CAST(:leika AS text)]");
            parameters.put("leika", criteria.leika().value());
        }
        if (criteria.reuseModel() != null) {
            conditions.add("s.reuse_models @> ARRAY[CAST(:reuseModel AS text)]");
            parameters.put("reuseModel", criteria.reuseModel().name());
        }
        if (criteria.providerId() != null) {
            conditions.add("s.provider_id = :providerId");
            parameters.put("providerId", criteria.providerId());
        }
        readsEveryHit = criteria.hasQuery();
        from = tables.toString();
        where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        order = criteria.effectiveOrder();
    }

    /**
     * The full text, or every word as typed inside a word of the name, summary or keywords (the beginning of one of
     * their word endings, {@code search_parts}; a whole word is its own first ending). The words' prefix queries are
     * joined into one, computed once beside the full-text query, which leaves out the stop words of the German full
     * text ("für", "zum"): they ask nothing. A word too short to be looked for inside others, or beyond the
     * first {@link SearchWord#MOST_INSIDE}, must be there as a word. Without a word that may be inside others this
     * is the full text alone.
     */
    private String matches(List<SearchWord> words, StringBuilder tables) {
        List<String> inside = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            SearchWord word = words.get(i);
            parameters.put("word" + i, word.text());
            if (word.foundInsideWords() && inside.size() < SearchWord.MOST_INSIDE) {
                inside.add("CASE WHEN numnode(plainto_tsquery('german', :word" + i + ")) > 0 THEN CAST(:part" + i
                        + " AS text) END");
                parameters.put("part" + i, word.partsQuery());
            } else {
                whole.add("s.search_document @@ plainto_tsquery('german', :word" + i + ")");
            }
        }
        if (inside.isEmpty()) {
            return "s.search_document @@ query";
        }
        tables.append(", to_tsquery('simple', concat_ws(' & ', ").append(String.join(", ", inside)).append(")) parts");
        whole.add(0, "s.search_parts @@ parts");
        return "(s.search_document @@ query OR (" + String.join(" AND ", whole) + "))";
    }

    String pageSql(PageRequest page) {
        return "SELECT " + COLUMNS + " FROM " + from + where + " ORDER BY " + orderBy(RANK) + limit(page);
    }

    /**
     * Only what names each hit of the page, its id and version. With words the total comes along as a window
     * count: the words' hits are all read and sorted for any page anyway (no index holds their order), so
     * counting them in the same pass saves a second query that would find them all again. The hits are
     * ranked inside a subquery that {@code OFFSET 0} keeps apart; else the window would keep every hit's
     * search document for ranking above it, which for a word in thousands of services spills to disk.
     */
    String refsSql(PageRequest page) {
        if (!readsEveryHit) {
            return "SELECT s.id, s.version FROM " + from + where + " ORDER BY " + orderBy(RANK) + limit(page);
        }
        return "SELECT s.id, s.version, count(*) OVER () AS total FROM (SELECT s.id, s.version, s.name, s.created_at"
                + (order == SearchOrder.RELEVANCE ? ", " + RANK + " AS rank" : "") + " FROM " + from + where
                + " OFFSET 0) s ORDER BY " + orderBy("s.rank") + limit(page);
    }

    /** Whether {@link #refsSql} answers the total beside each hit. */
    boolean countsAlongside() {
        return readsEveryHit;
    }

    String countSql() {
        return "SELECT count(*) FROM " + from + where;
    }

    private String orderBy(String rank) {
        return switch (order) {
            case RELEVANCE -> rank + " DESC, s.name, s.id";
            case NAME -> "s.name, s.id";
            case NEWEST -> "s.created_at DESC, s.id";
        };
    }

    private static String limit(PageRequest page) {
        return " LIMIT " + page.size() + " OFFSET " + page.offset();
    }

    /** {@code sql} for plain JDBC: each named parameter becomes {@code ?}, its value listed in that order. */
    Positional positional(String sql) {
        List<Object> values = new ArrayList<>();
        Matcher named = NAMED_PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder(sql.length());
        while (named.find()) {
            values.add(parameters.get(named.group(1)));
            named.appendReplacement(jdbc, "?");
        }
        named.appendTail(jdbc);
        return new Positional(jdbc.toString(), values);
    }

    record Positional(String sql, List<Object> values) {
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** Names this search whatever the page: the same count with the same parameters. */
    String countKey() {
        return countSql() + new TreeMap<>(parameters);
    }
}
