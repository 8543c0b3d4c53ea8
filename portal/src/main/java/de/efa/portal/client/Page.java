package de.efa.portal.client;

import java.util.List;

/** One page of a list as every service answers it. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
