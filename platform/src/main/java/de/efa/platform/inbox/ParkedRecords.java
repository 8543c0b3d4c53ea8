package de.efa.platform.inbox;

import de.efa.platform.events.CloudEventHeaders;
import de.efa.platform.events.Header;
import de.efa.platform.events.HeadersJson;
import de.efa.platform.outbox.Outbox;
import de.efa.platform.outbox.OutgoingEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records that could not be applied ({@code parked_record}), once per record however often it is delivered; where
 * the consumer has a dead-letter topic, the record also goes there through the outbox, so that it is sent exactly
 * when the row exists. PostgreSQL cannot store a NUL character in text, which is often why a record is parked: it is
 * kept as U+FFFD.
 */
@ApplicationScoped
public class ParkedRecords {

    private static final String PARK = """
            INSERT INTO parked_record (id, topic, kafka_partition, kafka_offset, record_key, payload, headers, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING
            """;

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    public ParkedRecords(EntityManager entityManager, AgroalDataSource dataSource, Outbox outbox) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Parks a record in the caller's transaction; answers false when it was parked before. */
    boolean park(InboundEvent event, String reason, Optional<String> deadLetterTopic) {
        List<Header> headers = event.headers().stream()
                .map(h -> new Header(storable(h.name()), storable(h.value()))).toList();
        String cause = storable(reason);
        boolean parked = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(PARK)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, event.topic());
                insert.setInt(3, event.partition());
                insert.setLong(4, event.offset());
                insert.setString(5, storable(event.key()));
                insert.setString(6, storable(event.value()));
                insert.setString(7, HeadersJson.write(headers));
                insert.setString(8, cause);
                return insert.executeUpdate() == 1;
            }
        });
        if (parked && deadLetterTopic.isPresent()) {
            outbox.writeAll(List.of(deadLetter(deadLetterTopic.get(), storable(event.key()), storable(event.value()),
                    headers, cause)));
        }
        return parked;
    }

    /**
     * The record as it came, with its reason. The reason can make a record that Kafka took too large for it; then the
     * value is left out, which the parked row keeps. A letter still too large is refused by the outbox.
     */
    private OutgoingEvent deadLetter(String topic, String key, String value, List<Header> headers, String reason) {
        List<Header> forwarded = new ArrayList<>(headers);
        forwarded.add(new Header(CloudEventHeaders.DEAD_LETTER_REASON, reason));
        OutgoingEvent letter = OutgoingEvent.forwarded(topic, key, value, forwarded);
        if (value == null || outbox.fits(letter)) {
            return letter;
        }
        forwarded.add(new Header(CloudEventHeaders.DEAD_LETTER_VALUE_OMITTED, "the value of "
                + value.getBytes(StandardCharsets.UTF_8).length + " bytes would make this record larger than Kafka "
                + "takes; the service's parked records keep it"));
        return OutgoingEvent.forwarded(topic, key, null, forwarded);
    }

    public List<ParkedRecord> list(Optional<String> topic, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, topic, kafka_partition, kafka_offset, record_key, payload, headers, reason, parked_at
                     FROM parked_record WHERE (?::text IS NULL OR topic = ?)
                     ORDER BY parked_at DESC, id OFFSET ? LIMIT ?""")) {
            select.setString(1, topic.orElse(null));
            select.setString(2, topic.orElse(null));
            select.setInt(3, offset);
            select.setInt(4, limit);
            List<ParkedRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new ParkedRecord(rows.getObject(1, UUID.class), rows.getString(2), rows.getInt(3),
                            rows.getLong(4), rows.getString(5), rows.getString(6), HeadersJson.read(rows.getString(7)),
                            rows.getString(8), rows.getTimestamp(9).toInstant()));
                }
            }
            return records;
        }
    }

    public long count(Optional<String> topic) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM parked_record WHERE (?::text IS NULL OR topic = ?)")) {
            count.setString(1, topic.orElse(null));
            count.setString(2, topic.orElse(null));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

}
