package de.efa.stack.e2e;

import de.efa.infra.postgres.PostgresServer;
import de.efa.infra.test.SqlProbe;
import de.efa.stack.Service;
import de.efa.stack.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static de.efa.stack.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The tenant-service's own copy of the catalog: subscribing works while the catalog-service is down, and a
 * wiped copy is rebuilt from the compacted topic, not from the catalog-service.
 */
@ExtendWith(StackExtension.class)
class LocalCatalogCopyIT {

    private static final String MAGDEBURG = "15003000";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Stack stack;
    private static Accounts accounts;
    private static String serviceId;

    @BeforeAll
    static void aServiceAndAnActiveTenant(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
        Providers.registered(stack, accounts);
        serviceId = Providers.publishedByAkdb(stack, accounts, "kopie");
        as(stack, Service.TENANT, accounts.user("operator"))
                .body(Map.of("ags", MAGDEBURG, "name", "Magdeburg, Landeshauptstadt", "kind", "KREISFREIE_STADT",
                        "population", 241769, "contactEmail", "onlinedienste@magdeburg.example"))
                .post("/api/v1/tenants").then().statusCode(201);
        as(stack, Service.TENANT, accounts.user("operator")).post("/api/v1/tenants/" + MAGDEBURG + "/approve")
                .then().statusCode(200);
        await().atMost(PATIENCE).until(() -> copiesOf(serviceId) == 1);
    }

    @AfterAll
    static void catalogServiceBack() {
        stack.restart(Service.CATALOG);
    }

    @Test
    void subscribingWorksWithTheCatalogServiceDownAndAfterTheCopyWasWipedAndRebuiltFromTheTopic() throws Exception {
        stack.kill(Service.CATALOG);

        stack.kill(Service.TENANT);
        try (Connection db = tenantDatabase().getConnection(); Statement statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM catalog_service");
        }
        assertThat(copiesOf(serviceId)).isZero();
        stack.restart(Service.TENANT);

        await().atMost(PATIENCE).until(() -> copiesOf(serviceId) == 1);
        as(stack, Service.TENANT, accounts.user("operator"))
                .body(Map.of("serviceId", serviceId, "planId", "standard",
                        "parameters", ServiceFixture.parametersOfHalle()))
                .post("/api/v1/tenants/" + MAGDEBURG + "/subscriptions")
                .then().statusCode(202).body("status", equalTo("REQUESTED"));
    }

    private static long copiesOf(String id) {
        return new SqlProbe(tenantDatabase()).count("SELECT count(*) FROM catalog_service WHERE id = ?",
                UUID.fromString(id));
    }

    private static DataSource tenantDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(stack.jdbcUrl(Service.TENANT));
        dataSource.setUser(PostgresServer.USER);
        return dataSource;
    }
}
