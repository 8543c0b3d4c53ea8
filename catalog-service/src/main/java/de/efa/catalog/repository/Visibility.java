package de.efa.catalog.repository;

/**
 * Which services a caller may see: everyone the PUBLISHED ones, a provider also its own in any state, an
 * operator all of them.
 */
public record Visibility(boolean all, String owner) {

    public static Visibility publishedOnly() {
        return new Visibility(false, null);
    }

    public static Visibility publishedAndOwnedBy(String providerId) {
        return new Visibility(false, providerId);
    }

    public static Visibility everything() {
        return new Visibility(true, null);
    }
}
