package de.efa.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How catalog searches are answered. */
@ConfigMapping(prefix = "efa.search")
public interface SearchConfig {

    /**
     * How long the total of a search is reused. Counting a broad search touches every matching row while its
     * page needs only twenty; a change through this replica forgets every total at once, so only changes made
     * through another replica may show late, by at most this long. Zero counts every time.
     */
    @WithDefault("2s")
    Duration totalCacheTtl();

    /**
     * How long the answer to a public search (anonymous callers, municipalities) is reused. A change through
     * this replica forgets every answer at once; a change through another replica shows here at most this late.
     */
    @WithDefault("10s")
    Duration cacheTtl();

    /** How many public search answers are kept; the least useful go first. */
    @WithDefault("10000")
    int cachePages();

    /** How many services are kept rendered as JSON for search answers (one entry per id and version). */
    @WithDefault("20000")
    int cacheServices();
}
