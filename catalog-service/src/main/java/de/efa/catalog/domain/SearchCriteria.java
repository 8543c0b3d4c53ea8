package de.efa.catalog.domain;

/** What a catalog search asks for; every filter is optional and they combine with AND. */
public record SearchCriteria(
        String query,
        Themenfeld themenfeld,
        LandCode land,
        LeikaKey leika,
        ReuseModel reuseModel,
        String providerId,
        SearchOrder order) {

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
}
