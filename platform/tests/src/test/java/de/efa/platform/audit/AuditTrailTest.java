package de.efa.platform.audit;

import de.efa.platform.support.Sql;
import de.efa.platform.support.TestWrites;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail auditTrail;
    @Inject
    TestWrites writes;
    @Inject
    Sql sql;

    @Test
    void an_entry_is_written_in_the_transaction_of_its_change_and_names_this_service_when_no_one_is_logged_in() {
        String id = UUID.randomUUID().toString();
        writes.run(() -> auditTrail.record("thing.create", AuditRef.of("thing", id), "created",
                Map.of("size", 3)));

        assertThat(sql.strings("""
                SELECT actor || ' ' || actor_role || ' ' || coalesce(on_behalf_of, '-') || ' ' || action || ' '
                       || target_type || ':' || target_id || ' ' || outcome || ' ' || details::text
                FROM audit_entry WHERE target_id = ?""", id))
                .containsExactly("platform-test system - thing.create thing:" + id + " created {\"size\": 3}");
    }

    @Test
    void a_change_that_rolls_back_leaves_no_entry() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> writes.run(() -> {
            auditTrail.record("thing.create", AuditRef.of("thing", id), "created");
            throw new IllegalStateException("the change fails after its entry was written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sql.count("SELECT count(*) FROM audit_entry WHERE target_id = ?", id)).isZero();
    }

    @Test
    void recording_outside_a_transaction_fails_loudly() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> auditTrail.record("thing.create", AuditRef.of("thing", id), "created"))
                .isInstanceOf(TransactionalException.class);
        assertThat(sql.count("SELECT count(*) FROM audit_entry WHERE target_id = ?", id)).isZero();
    }

    @Test
    void an_action_on_many_resources_writes_one_entry_each_with_its_actor_and_on_whose_behalf() {
        String batch = UUID.randomUUID().toString();
        Actor actor = Actor.system("thing-sweeper").onBehalfOf(AuditRef.of("tenant", "14713000"));
        writes.run(() -> auditTrail.recordEach(actor, "thing.sweep",
                List.of(AuditRef.of("thing", batch + "-1"), AuditRef.of("thing", batch + "-2")), "SWEPT", Map.of()));

        assertThat(sql.strings("SELECT target_id || ' ' || actor || ' ' || actor_role || ' ' || on_behalf_of "
                + "|| ' ' || (details IS NULL) FROM audit_entry WHERE target_id LIKE ? ORDER BY target_id", batch + "%"))
                .containsExactly(batch + "-1 thing-sweeper system tenant:14713000 true",
                        batch + "-2 thing-sweeper system tenant:14713000 true");
    }

    @Test
    void an_action_is_resource_dot_verb() {
        assertThatThrownBy(() -> writes.run(() -> auditTrail.record("Publish", AuditRef.of("thing", "1"), "done")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resource.verb");
        assertThatThrownBy(() -> AuditRef.of("Thing", "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
