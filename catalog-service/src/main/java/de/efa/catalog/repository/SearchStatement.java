package de.efa.catalog.repository;

import de.efa.catalog.domain.PageRequest;
import de.efa.catalog.domain.SearchCriteria;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL of one catalog search: German full text through the GIN index on {@code search_document}, filters
 * on plain columns and arrays, and a stable order so that pages do not overlap.
 */
final class SearchStatement {

    /** The columns of {@code EfaService}; not {@code s.*}, which would also ship each hit's search document. */
    private static final String COLUMNS = "s.id, s.slug, s.name, s.summary, s.description, s.keywords, s.provider_id, "
            + "s.leika_keys, s.ozg_id, s.themenfeld, s.lead_land, s.available_in, s.reuse_models, s.languages, "
            + "s.bitv_statement, s.feedback_mechanism, s.plans, s.plan_count, s.status, s.version, s.created_at, "
            + "s.updated_at";

    private final String from;
    private final String where;
    private final String orderBy;
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
            conditions.add("s.search_document @@ query");
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
        orderBy = switch (criteria.effectiveOrder()) {
            case RELEVANCE -> "ts_rank(s.search_document, query) DESC, s.name, s.id";
            case NAME -> "s.name, s.id";
            case NEWEST -> "s.created_at DESC, s.id";
        };
    }

    String pageSql(PageRequest page) {
        return "SELECT " + COLUMNS + " FROM " + from + where + " ORDER BY " + orderBy
                + " LIMIT " + page.size() + " OFFSET " + page.offset();
    }

    /**
     * Only what names each hit of the page, its id and version. With words the total comes along as a window
     * count: the words' hits are all read and sorted for any page anyway (no index holds their order), so
     * counting them in the same pass saves a second query that would find them all again.
     */
    String refsSql(PageRequest page) {
        return "SELECT s.id, s.version" + (readsEveryHit ? ", count(*) OVER () AS total" : "") + " FROM " + from
                + where + " ORDER BY " + orderBy + " LIMIT " + page.size() + " OFFSET " + page.offset();
    }

    /** Whether {@link #refsSql} answers the total beside each hit. */
    boolean countsAlongside() {
        return readsEveryHit;
    }

    String countSql() {
        return "SELECT count(*) FROM " + from + where;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** Names this search whatever the page: the same count with the same parameters. */
    String countKey() {
        return countSql() + new TreeMap<>(parameters);
    }
}
