package de.efa.tenant.service;

import de.efa.tenant.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class IdempotencyServiceTest {

    @Inject
    IdempotencyService idempotency;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void keysOlderThan24HoursArePurgedAndYoungerOnesKept() throws Exception {
        String caller = "purge-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key "
                        + "(caller, key, request_hash, status, location, body, created_at) "
                        + "VALUES (?, ?, 'h', 201, '/x', '{}', now() - make_interval(hours => ?))")) {
            for (int hours : new int[] {25, 23}) {
                insert.setString(1, caller);
                insert.setString(2, "k" + hours);
                insert.setInt(3, hours);
                insert.executeUpdate();
            }
        }
        assertThat(idempotency.purgeExpired()).isGreaterThanOrEqualTo(1);
        Db db = new Db(dataSource);
        assertThat(db.count("SELECT count(*) FROM idempotency_key WHERE caller = ? AND key = 'k25'", caller)).isZero();
        assertThat(db.count("SELECT count(*) FROM idempotency_key WHERE caller = ? AND key = 'k23'", caller)).isEqualTo(1);
    }
}
