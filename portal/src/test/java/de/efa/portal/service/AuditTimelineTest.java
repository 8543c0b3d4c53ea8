package de.efa.portal.service;

import de.efa.portal.client.AuditEntry;
import de.efa.portal.client.Page;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTimelineTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    /** A service's trail of {@code count} entries, every {@code step} seconds from {@code offset}, paged as the API. */
    private static final class Trail {

        private final List<AuditEntry> entries;
        private final List<Integer> chunksRead = new ArrayList<>();
        private final AuditTimeline.Source source;

        Trail(String service, int count, int offset, int step) {
            entries = IntStream.range(0, count).mapToObj(i -> new AuditEntry(service + "-" + i,
                            START.plusSeconds(offset + (long) i * step), "sub", "operator", null, "x.update",
                            "x:" + i, "updated", null))
                    .sorted(Comparator.comparing(AuditEntry::at).reversed()).toList();
            source = new AuditTimeline.Source(service, number -> {
                chunksRead.add(number);
                int first = Math.min(number * AuditTimeline.CHUNK, entries.size());
                return new Page<>(entries.subList(first, Math.min(first + AuditTimeline.CHUNK, entries.size())),
                        number, AuditTimeline.CHUNK, entries.size());
            });
        }
    }

    @Test
    void theTrailsAreMergedNewestFirstAndEachIsReadOnlyAsFarAsThePageNeeds() {
        Trail catalog = new Trail("Leistungskatalog", 150, 0, 3);
        Trail tenant = new Trail("Kommunenverwaltung", 0, 0, 1);
        Trail marketplace = new Trail("Bereitstellung", 240, 1, 1);
        List<AuditEntry> all = new ArrayList<>(catalog.entries);
        all.addAll(marketplace.entries);
        all.sort(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed());

        Page<AuditTimeline.Entry> page = AuditTimeline.merged(List.of(catalog.source, tenant.source,
                marketplace.source), 3, 25);

        assertThat(page.total()).isEqualTo(390);
        assertThat(page.items()).extracting(entry -> entry.entry().id())
                .containsExactlyElementsOf(all.subList(75, 100).stream().map(AuditEntry::id).toList());
        assertThat(page.items()).extracting(AuditTimeline.Entry::service)
                .containsOnly("Leistungskatalog", "Bereitstellung");
        assertThat(catalog.chunksRead).containsExactly(0);
        assertThat(marketplace.chunksRead).as("not even 100 of its entries come first").containsExactly(0);

        AuditTimeline.merged(List.of(catalog.source, tenant.source, marketplace.source), 8, 25);
        assertThat(marketplace.chunksRead).as("the 225 newest take more of it").endsWith(0, 1);
        assertThat(tenant.chunksRead).containsOnly(0);
    }

    @Test
    void aPageBeyondTheEntriesIsEmptyWithTheirTotal() {
        Page<AuditTimeline.Entry> page = AuditTimeline.merged(List.of(new Trail("Leistungskatalog", 3, 0, 1).source),
                1, 25);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(3);
    }
}
