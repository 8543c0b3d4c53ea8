package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * A municipality's mandate for a bundler: while it stands, the bundler may subscribe, declare interest, conclude and
 * cancel for the municipality, and read its subscriptions. Revoking it stops new orders; live subscriptions stay.
 */
@Entity
@Table(name = "mandate")
public class Mandate {

    @EmbeddedId
    private Key key;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "granted_by")
    private String grantedBy;

    protected Mandate() {
    }

    public static Mandate grant(Ags ags, String bundlerId, String grantedBy, Instant now) {
        Mandate mandate = new Mandate();
        mandate.key = new Key(ags.value(), bundlerId);
        mandate.grantedAt = now;
        mandate.grantedBy = grantedBy;
        return mandate;
    }

    public Ags ags() {
        return Ags.of(key.ags());
    }

    public String bundlerId() {
        return key.bundlerId();
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public String grantedBy() {
        return grantedBy;
    }

    @Embeddable
    public record Key(@Column(name = "ags") String ags, @Column(name = "bundler_id") String bundlerId)
            implements Serializable {
    }
}
