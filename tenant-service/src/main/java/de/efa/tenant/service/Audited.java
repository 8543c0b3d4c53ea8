package de.efa.tenant.service;

import de.efa.platform.audit.Actor;
import de.efa.platform.audit.AuditRef;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.Subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the tenant-service's resources are named in the audit trail ({@code tenant:<ags>},
 * {@code subscription:<uuid>}, {@code bundler:<id>}, {@code mandate:<ags>/<bundlerId>}, {@code rollout:<uuid>},
 * files by their SHA-256), and who acted for whom.
 */
final class Audited {

    private Audited() {
    }

    static AuditRef tenant(String ags) {
        return AuditRef.of("tenant", ags);
    }

    static AuditRef subscription(Subscription subscription) {
        return AuditRef.of("subscription", subscription.id());
    }

    static AuditRef bundler(String id) {
        return AuditRef.of("bundler", id);
    }

    static AuditRef mandate(Ags ags, String bundlerId) {
        return AuditRef.of("mandate", ags.value() + "/" + bundlerId);
    }

    /** A file an operator loaded ({@code population-file}, {@code tenant-file}), named by its SHA-256. */
    static AuditRef file(String type, String content) {
        try {
            return AuditRef.of(type, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The caller acting for the municipality: its own staff act for themselves; an operator or a bundler ordering or
     * administering for it acts on its behalf.
     */
    static Actor forTenant(Caller caller, Ags ags) {
        Actor actor = Actor.of(caller);
        return caller.isStaffOf(ags.value()) && !caller.isOperator() ? actor : actor.onBehalfOf(tenant(ags.value()));
    }
}
