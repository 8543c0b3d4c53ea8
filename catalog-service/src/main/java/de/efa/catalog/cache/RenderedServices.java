package de.efa.catalog.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.efa.catalog.config.SearchConfig;
import de.efa.catalog.domain.ServiceRef;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Services as search answers show them, as JSON, by id and version. A version names one content, so an entry
 * can never be stale: a change leaves the old version unasked until it is evicted, and nothing needs forgetting.
 * A search that misses its cached answer then needs only the ids and versions of its hits from the database.
 */
@ApplicationScoped
public class RenderedServices {

    private final Cache<ServiceRef, byte[]> rendered;

    public RenderedServices(SearchConfig config) {
        this.rendered = Caffeine.newBuilder().maximumSize(config.cacheServices()).build();
    }

    /** The JSON of that version, or null when it was not rendered (or evicted). */
    public byte[] get(ServiceRef ref) {
        return rendered.getIfPresent(ref);
    }

    public void put(ServiceRef ref, byte[] json) {
        rendered.put(ref, json);
    }
}
