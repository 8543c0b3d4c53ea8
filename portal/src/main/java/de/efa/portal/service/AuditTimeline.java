package de.efa.portal.service;

import de.efa.portal.client.AuditEntry;
import de.efa.portal.client.AuditTrails;
import de.efa.portal.client.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The audit trails of the three services as one list, newest first, paged like any other: each trail is read page by
 * page, newest first as the services answer, only as far as the page asked for needs, and the three are merged.
 */
@ApplicationScoped
public class AuditTimeline {

    /** Entries read from a service at a time: its largest page. */
    static final int CHUNK = 100;
    /** The services' own order: by time, then by id. */
    private static final Comparator<AuditEntry> NEWER = Comparator.comparing(AuditEntry::at)
            .thenComparing(AuditEntry::id);

    private final AuditTrails trails;

    public AuditTimeline(AuditTrails trails) {
        this.trails = trails;
    }

    /** What the entries are filtered by, as the services' API takes it; null filters nothing. */
    public record Filter(String from, String to, String actor, String target) {
    }

    /** An entry with the German name of the service it was recorded in. */
    public record Entry(String service, AuditEntry entry) {
    }

    /** A trail as the merge reads it: the service's German name, and its pages of {@link #CHUNK} by number. */
    record Source(String service, IntFunction<Page<AuditEntry>> chunks) {
    }

    public Page<Entry> page(Filter filter, int page, int size) {
        return merged(trails.all().stream().map(trail -> new Source(trail.name(), number -> trail.api()
                .entries(filter.from(), filter.to(), filter.actor(), filter.target(), number, CHUNK))).toList(),
                page, size);
    }

    /** One page of the trails merged newest first; the total is theirs together. */
    static Page<Entry> merged(List<Source> sources, int page, int size) {
        List<Reader> readers = sources.stream().map(Reader::new).toList();
        long total = readers.stream().mapToLong(reader -> reader.total).sum();
        List<Entry> items = new ArrayList<>();
        for (long skip = (long) page * size; items.size() < size; skip--) {
            Reader newest = null;
            for (Reader reader : readers) {
                if (reader.hasNext() && (newest == null || NEWER.compare(reader.peek(), newest.peek()) > 0)) {
                    newest = reader;
                }
            }
            if (newest == null) {
                break;
            }
            Entry entry = new Entry(newest.source.service(), newest.next());
            if (skip <= 0) {
                items.add(entry);
            }
        }
        return new Page<>(items, page, size, total);
    }

    /** One trail, newest first, read a page at a time as the merge reaches its end. */
    private static final class Reader {

        private final Source source;
        private final long total;
        private List<AuditEntry> chunk;
        private int chunkNumber;
        private int index;

        Reader(Source source) {
            this.source = source;
            Page<AuditEntry> first = source.chunks().apply(0);
            this.chunk = first.items();
            this.total = first.total();
        }

        boolean hasNext() {
            if (index == chunk.size() && (long) (chunkNumber + 1) * CHUNK < total) {
                chunk = source.chunks().apply(++chunkNumber).items();
                index = 0;
            }
            return index < chunk.size();
        }

        AuditEntry peek() {
            return chunk.get(index);
        }

        AuditEntry next() {
            return chunk.get(index++);
        }
    }
}
