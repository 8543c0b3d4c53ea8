package de.efa.tenant.support;

import de.efa.infra.test.SqlProbe;
import io.agroal.api.AgroalDataSource;

/** Reads the service's own database the way an auditor would: plain SQL, no entities. */
public final class Db {

    private final SqlProbe probe;

    public Db(AgroalDataSource dataSource) {
        this.probe = new SqlProbe(dataSource);
    }

    public long count(String sql, Object... parameters) {
        return probe.count(sql, parameters);
    }

    public long tenants(String ags) {
        return count("SELECT count(*) FROM tenant WHERE ags = ?", ags);
    }

    public long subscriptions(String ags) {
        return count("SELECT count(*) FROM subscription WHERE ags = ?", ags);
    }

    /** Outbox events about any subscription of the tenant (their payload names its AGS). */
    public long requestEvents(String ags) {
        return count("SELECT count(*) FROM outbox_event WHERE payload::jsonb ->> 'ags' = ?", ags);
    }

    public long catalogVersion(java.util.UUID serviceId) {
        return count("SELECT coalesce(max(version), -1) FROM catalog_service WHERE id = ?", serviceId);
    }
}
