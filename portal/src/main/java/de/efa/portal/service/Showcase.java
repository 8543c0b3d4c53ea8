package de.efa.portal.service;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Page;
import de.efa.portal.client.Themenfeld;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Schaufenster: a search of the published catalog with how many services each Themenfeld holds for the same
 * search, so that a filter never leads to an empty page unannounced. The counts are asked for at once, in parallel
 * with the search itself; the catalog answers repeated public searches from its cache.
 */
@ApplicationScoped
public class Showcase {

    public static final int PAGE_SIZE = 10;
    private static final int LARGEST_PAGE = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final CatalogApi catalog;
    /** The 14 Themenfelder are fixed by the OZG; read once. */
    private final AtomicReference<List<Themenfeld>> themenfelder = new AtomicReference<>();

    public Showcase(@RestClient CatalogApi catalog) {
        this.catalog = catalog;
    }

    public Result search(Query query) {
        List<Themenfeld> fields = themenfelder();
        Uni<Page<CatalogService>> hits = catalog.searchAsync(query.q(), query.themenfeld(), query.land(),
                query.leika(), query.page(), PAGE_SIZE);
        List<Uni<Long>> counts = fields.stream()
                .map(field -> catalog.searchAsync(query.q(), field.code(), query.land(), query.leika(), 0, 1)
                        .map(Page::total))
                .toList();
        Tuple2<Page<CatalogService>, List<Long>> answers = Uni.combine().all()
                .unis(hits, Uni.join().all(counts).andFailFast()).asTuple()
                // As the blocking calls do: a catalog that cannot be reached is a ProcessingException.
                .onFailure(IOException.class).transform(ProcessingException::new)
                .await().atMost(PATIENCE);
        List<Facet> facets = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Themenfeld field = fields.get(i);
            facets.add(new Facet(field.code(), field.name(), answers.getItem2().get(i),
                    field.code().equals(query.themenfeld())));
        }
        Page<CatalogService> page = answers.getItem1();
        return new Result(page, facets);
    }

    /** Every published service, for choosing one; read a catalog page at a time. */
    public List<CatalogService> published() {
        List<CatalogService> services = new ArrayList<>();
        Page<CatalogService> page;
        int number = 0;
        do {
            page = catalog.search(null, null, null, null, number++, LARGEST_PAGE);
            services.addAll(page.items());
        } while (page.hasNext());
        return services;
    }

    public List<Themenfeld> themenfelder() {
        List<Themenfeld> known = themenfelder.get();
        if (known == null) {
            known = List.copyOf(catalog.themenfelder());
            themenfelder.set(known);
        }
        return known;
    }

    /** What the visitor asked for; blank filters are no filters. */
    public record Query(String q, String themenfeld, String land, String leika, int page) {

        public Query {
            q = blankToNull(q);
            themenfeld = blankToNull(themenfeld);
            land = blankToNull(land);
            leika = blankToNull(leika);
            page = Math.max(0, page);
        }

        public boolean filtered() {
            return q != null || themenfeld != null || land != null || leika != null;
        }

        /** The link to this search narrowed to one Themenfeld, or widened to all with null. */
        public String withThemenfeld(String code) {
            return href(q, code, land, leika, 0);
        }

        /** The link to this search, as its page's address. */
        public String link() {
            return href(q, themenfeld, land, leika, page);
        }

        /** This search's link up to the page number, for the pager. */
        public String pageBase() {
            String first = href(q, themenfeld, land, leika, 0);
            return first + (first.contains("?") ? "&" : "?") + "seite=";
        }

        private static String href(String q, String themenfeld, String land, String leika, int page) {
            StringJoiner query = new StringJoiner("&", "/?", "").setEmptyValue("/");
            add(query, "q", q);
            add(query, "themenfeld", themenfeld);
            add(query, "land", land);
            add(query, "leika", leika);
            add(query, "seite", page == 0 ? null : String.valueOf(page));
            return query.toString();
        }

        private static void add(StringJoiner query, String name, String value) {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    public record Result(Page<CatalogService> hits, List<Facet> themenfelder) {
    }

    /** A Themenfeld with the number of services the current search finds in it. */
    public record Facet(String code, String name, long count, boolean selected) {

        /** As the Themenfeld select offers it: "Bauen & Wohnen (3)". */
        public String label() {
            return name + " (" + count + ")";
        }
    }
}
