package de.efa.catalog.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.efa.catalog.config.SearchConfig;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.ServiceChanged;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Recent answers to searches as everyone sees them (PUBLISHED services only), each hit as rendered JSON shared
 * with {@link RenderedServices}. Every committed change of a service through this replica forgets them all, so
 * that the next search here sees it; changes through another replica show after {@link SearchConfig#cacheTtl()}
 * at the latest. Never hand it a search whose answer depends on who asks.
 */
@ApplicationScoped
public class PublicSearches {

    /** A search and the page of it; every part compares by value. */
    public record Key(SearchCriteria criteria, PageRequest page) {
    }

    private final Cache<Key, Page<byte[]>> answers;
    /** Counts the forgetting, so that an answer read from the database before a change is not kept after it. */
    private final AtomicLong changes = new AtomicLong();

    public PublicSearches(SearchConfig config) {
        this.answers = Caffeine.newBuilder()
                .maximumSize(config.cachePages())
                .expireAfterWrite(config.cacheTtl())
                .build();
    }

    /** The recent answer to that search, or the one {@code search} finds, kept unless a change came meanwhile. */
    public Page<byte[]> answer(Key key, Supplier<Page<byte[]>> search) {
        Page<byte[]> known = answers.getIfPresent(key);
        if (known != null) {
            return known;
        }
        long seen = changes.get();
        Page<byte[]> found = search.get();
        answers.put(key, found);
        // A change committed while the database was read may already have forgotten everything before this put.
        if (changes.get() != seen) {
            answers.invalidate(key);
        }
        return found;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServiceChanged changed) {
        changes.incrementAndGet();
        answers.invalidateAll();
    }
}
