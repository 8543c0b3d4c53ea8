package de.efa.tenant.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;

/** One page of a list, read inside the service's transaction. */
public record Page<T>(List<T> items, int page, int size, long total) {

    static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        List<T> items = query.page(request.page(), request.size()).list();
        return new Page<>(items, request.page(), request.size(), query.count());
    }
}
