package de.efa.marketplace.messaging;

import de.efa.marketplace.domain.CatalogEntry;
import de.efa.marketplace.service.CatalogCopy;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local catalog copy from {@code efa.catalog.services.v1}; unreadable records become dead letters. */
@ApplicationScoped
public class CatalogConsumer {

    private final CatalogRecordReader reader;
    private final CatalogCopy catalog;

    public CatalogConsumer(CatalogRecordReader reader, CatalogCopy catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    @Incoming("catalog-services")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        ReadBatch<CatalogEntry> batch = ReadBatch.of(records, reader::read);
        BlockingRetry.untilDone("recording " + records.count() + " catalog records",
                () -> catalog.apply(batch.readable(), batch.unreadable()));
    }
}
