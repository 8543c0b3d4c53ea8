package de.efa.catalog.domain;

import java.util.List;
import java.util.function.Function;

/** The items of one page and how many there are in all. */
public record Slice<T>(List<T> items, long total) {

    public <R> Slice<R> map(Function<T, R> mapping) {
        return new Slice<>(items.stream().map(mapping).toList(), total);
    }
}
