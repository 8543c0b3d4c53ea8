package de.efa.catalog.api;

import java.util.List;

/** One page of a list, with how many there are in all (paging: docs/http.md). */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
