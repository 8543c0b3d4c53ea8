package de.efa.marketplace.repository;

import de.efa.marketplace.domain.DeadLetter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, UUID> {

    private static final String INSERT_ONCE = """
            INSERT INTO dead_letter (id, topic, kafka_partition, kafka_offset, record_key, payload, headers, reason,
                received_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING
            """;

    /** Stores the dead letter unless its record was stored before; says whether it was new. */
    public boolean insertOnce(DeadLetter letter) {
        return getEntityManager().createNativeQuery(INSERT_ONCE)
                .setParameter(1, letter.id)
                .setParameter(2, letter.topic)
                .setParameter(3, letter.partition)
                .setParameter(4, letter.offset)
                .setParameter(5, letter.recordKey)
                .setParameter(6, letter.payload)
                .setParameter(7, letter.headers)
                .setParameter(8, letter.reason)
                .setParameter(9, Timestamp.from(letter.receivedAt))
                .executeUpdate() > 0;
    }

    public List<DeadLetter> newestFirst(int page, int size) {
        return findAll(Sort.descending("receivedAt").and("id", Sort.Direction.Descending))
                .page(Page.of(page, size)).list();
    }
}
