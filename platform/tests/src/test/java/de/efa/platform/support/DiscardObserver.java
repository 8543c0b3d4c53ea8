package de.efa.platform.support;

import de.efa.platform.outbox.OutgoingEventDiscarded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Observes discards as a service does: a row of {@code test_effect} ("discarded &lt;id&gt; &lt;key&gt;") in the
 * discard's transaction. An event of key {@value #FAILS} makes it fail.
 */
@ApplicationScoped
public class DiscardObserver {

    public static final String FAILS = "key-observer-fails";

    private final EntityManager entityManager;

    public DiscardObserver(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void discarded(@Observes OutgoingEventDiscarded discarded) {
        if (FAILS.equals(discarded.event().key())) {
            throw new IllegalStateException("the observer could not settle " + discarded.event().id());
        }
        entityManager.createNativeQuery("INSERT INTO test_effect (note) VALUES (?1)")
                .setParameter(1, "discarded " + discarded.event().id() + " " + discarded.event().key())
                .executeUpdate();
    }
}
