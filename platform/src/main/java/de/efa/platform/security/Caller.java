package de.efa.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, as the bearer token says: the subject, the realm roles, and the claims that scope a role to one
 * municipality ({@code ags}), provider ({@code provider_id}) or bundler ({@code bundler_id}). Scope rules are checked
 * against it in the services; anonymous callers have no roles.
 */
public record Caller(String subject, Set<String> roles, Optional<String> ags, Optional<String> providerId,
                     Optional<String> bundlerId) {

    /** The marketplace's roles, in the order in which one of them is taken as the role a caller acts in. */
    private static final List<String> ACTING_ORDER = List.of(Roles.OPERATOR, Roles.MUNICIPALITY, Roles.BUNDLER,
            Roles.PROVIDER, Roles.MARKETPLACE);

    /** What {@link #actingRole()} answers for a caller that holds none of the marketplace's roles. */
    public static final String NO_ROLE = "none";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller anonymous() {
        return new Caller(null, Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A provider acting for itself, as demo data does when it publishes a provider's services. */
    public static Caller provider(String providerId) {
        return new Caller("service-account-provider-" + providerId, Set.of(Roles.PROVIDER), Optional.empty(),
                Optional.of(providerId), Optional.empty());
    }

    /**
     * The same person acting only as staff of their bundler, as when they order for its clients: someone who also
     * holds another role (a municipality's staff who work for a bundler too) is then named and checked as the bundler.
     */
    public Caller asBundler() {
        if (!hasRole(Roles.BUNDLER) || bundlerId.isEmpty()) {
            throw new IllegalStateException(describe() + " is no bundler's staff");
        }
        return new Caller(subject, Set.of(Roles.BUNDLER), Optional.empty(), Optional.empty(), bundlerId);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return hasRole(Roles.OPERATOR);
    }

    /** Municipality staff of the municipality with this AGS. */
    public boolean isStaffOf(String agsValue) {
        return hasRole(Roles.MUNICIPALITY) && ags.filter(agsValue::equals).isPresent();
    }

    /** A provider acting for the provider with this id. */
    public boolean isProvider(String id) {
        return hasRole(Roles.PROVIDER) && providerId.filter(id::equals).isPresent();
    }

    /** A bundler's staff acting for the bundler with this id. */
    public boolean isBundler(String id) {
        return hasRole(Roles.BUNDLER) && bundlerId.filter(id::equals).isPresent();
    }

    /**
     * How histories and the audit name the one who acted: {@code operator <sub>}, {@code municipality 14713000},
     * {@code bundler kisa}, {@code provider akdb}. An operator who also holds another role is named as operator.
     */
    public String describe() {
        if (isOperator()) {
            return "operator " + subject;
        }
        if (hasRole(Roles.MUNICIPALITY) && ags.isPresent()) {
            return "municipality " + ags.get();
        }
        if (hasRole(Roles.BUNDLER) && bundlerId.isPresent()) {
            return "bundler " + bundlerId.get();
        }
        if (hasRole(Roles.PROVIDER) && providerId.isPresent()) {
            return "provider " + providerId.get();
        }
        return subject == null ? "anonymous" : subject;
    }

    /**
     * The role the caller acts in, as the audit records it: operator before any other, as {@link #describe()} names
     * it; {@value #NO_ROLE} for a caller with none of the marketplace's roles.
     */
    public String actingRole() {
        return ACTING_ORDER.stream().filter(this::hasRole).findFirst().orElse(NO_ROLE);
    }

    /** The key under which a caller's Idempotency-Keys are kept apart from everyone else's. */
    public String idempotencyScope() {
        return subject == null ? "anonymous" : subject;
    }
}
