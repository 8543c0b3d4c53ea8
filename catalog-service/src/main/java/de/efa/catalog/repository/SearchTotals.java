package de.efa.catalog.repository;

import de.efa.catalog.config.SearchConfig;
import de.efa.catalog.domain.ServiceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Recently counted search totals (see {@link SearchConfig#totalCacheTtl()}), forgotten at every change. */
@ApplicationScoped
public class SearchTotals {

    private static final int MAX_ENTRIES = 10_000;

    private record Total(long value, long countedAt) {
    }

    private final long ttlNanos;
    private final Map<String, Total> totals = new ConcurrentHashMap<>();

    public SearchTotals(SearchConfig config) {
        this.ttlNanos = config.totalCacheTtl().toNanos();
    }

    long total(String search, LongSupplier count) {
        long now = System.nanoTime();
        Total known = totals.get(search);
        if (known != null && now - known.countedAt() < ttlNanos) {
            return known.value();
        }
        long value = count.getAsLong();
        if (ttlNanos > 0) {
            if (totals.size() >= MAX_ENTRIES) {
                totals.clear();
            }
            totals.put(search, new Total(value, now));
        }
        return value;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServiceChanged changed) {
        totals.clear();
    }
}
