package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A bundling organisation (Bündler): a Landkreis or a municipal IT provider that orders for the municipalities that
 * gave it a mandate. Its id is the {@code bundler_id} claim of its staff's tokens.
 */
@Entity
@Table(name = "bundler")
public class Bundler {

    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    @Id
    private String id;

    private String name;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Bundler() {
    }

    public static Bundler register(String id, String name, ContactEmail contactEmail, Instant now) {
        Bundler bundler = new Bundler();
        bundler.id = checkId(id);
        bundler.name = name;
        bundler.contactEmail = contactEmail.value();
        bundler.createdAt = now;
        return bundler;
    }

    /** A bundler's id is a slug: lower-case letters, digits and inner hyphens, at most 64 characters. */
    public static String checkId(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("must be a slug of lower-case letters, digits and hyphens, "
                    + "at most 64 characters");
        }
        return id;
    }

    /** Whether a bundler could have this id; no registered one has another. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
