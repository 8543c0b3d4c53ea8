package de.efa.marketplace.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The results this service wrote for a subscription, read from its outbox in the order they are sent: what a test
 * of the job's outcome needs, without waiting for Kafka (the relay is tested on its own).
 */
public final class OutboxResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    public OutboxResults(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One result: its {@code ce_type} and its value; each is checked against its schema when it is read. */
    public record Result(String type, JsonNode value) {

        public String field(String name) {
            return value.path(name).isNull() ? null : value.path(name).asText();
        }
    }

    public List<Result> results(UUID subscription) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT type, payload FROM outbox_event WHERE topic = ? AND record_key = ? ORDER BY seq")) {
            select.setString(1, Topics.RESULTS);
            select.setString(2, subscription.toString());
            List<Result> results = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ResultSchemas.assertValid(rows.getString(1), rows.getString(2));
                    results.add(new Result(rows.getString(1), JSON.readTree(rows.getString(2))));
                }
            }
            return results;
        } catch (SQLException | IOException e) {
            throw new AssertionError("the outbox could not be read", e);
        }
    }
}
