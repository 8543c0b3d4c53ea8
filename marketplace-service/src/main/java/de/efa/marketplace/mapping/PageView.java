package de.efa.marketplace.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of a list (docs/http.md). */
@Schema(name = "Page", description = "One page of a list")
public record PageView<T>(List<T> items, int page, int size, long total) {
}
