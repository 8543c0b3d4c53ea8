package de.efa.marketplace.repository;

import de.efa.marketplace.domain.CatalogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local copy of {@code efa.catalog.services.v1}. */
@ApplicationScoped
public class CatalogRepository {

    /**
     * Keeps the highest version. An equal version is taken too: the later record of a service on its partition is
     * the newer one, whatever version it names (catalog-service raises the version when a provider's broker moves).
     */
    private static final String UPSERT = """
            INSERT INTO catalog_service (service_id, version, provider_id, status, broker_url, plan_ids, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (service_id) DO UPDATE SET version = EXCLUDED.version, provider_id = EXCLUDED.provider_id,
                status = EXCLUDED.status, broker_url = EXCLUDED.broker_url, plan_ids = EXCLUDED.plan_ids,
                updated_at = now()
            WHERE catalog_service.version <= EXCLUDED.version
            """;

    private static final String FIND = """
            SELECT service_id, version, provider_id, status, broker_url, plan_ids FROM catalog_service
            WHERE service_id = ?
            """;

    private final EntityManager em;

    public CatalogRepository(EntityManager em) {
        this.em = em;
    }

    public void upsert(List<CatalogEntry> entries) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (CatalogEntry entry : entries) {
                    upsert.setObject(1, entry.serviceId());
                    upsert.setLong(2, entry.version());
                    upsert.setString(3, entry.providerId());
                    upsert.setString(4, entry.status());
                    upsert.setString(5, entry.brokerUrl());
                    upsert.setArray(6, connection.createArrayOf("text", entry.planIds().toArray()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    public Optional<CatalogEntry> find(UUID serviceId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setObject(1, serviceId);
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Array plans = row.getArray(6);
                    return Optional.of(new CatalogEntry(row.getObject(1, UUID.class), row.getLong(2),
                            row.getString(3), row.getString(4), row.getString(5),
                            Arrays.asList((String[]) plans.getArray())));
                }
            }
        });
    }
}
