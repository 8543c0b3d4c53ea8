package de.efa.infra.test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads a service's own database with plain SQL, the way an auditor would, so that a test can assert what a
 * request stored, and that a refused one stored nothing.
 */
public final class SqlProbe {

    private final DataSource dataSource;

    public SqlProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The number a {@code SELECT count(*) …} (or any single-number query) answers. */
    public long count(String sql, Object... parameters) {
        return single(sql, parameters).map(Long::parseLong).orElseThrow();
    }

    /** The first column of the first row, if there is a row. */
    public Optional<String> single(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
