package de.efa.portal.client;

/** A bundling organisation (a Landkreis, a municipal IT provider) that orders for municipalities with a mandate. */
public record Bundler(String id, String name, String contactEmail) {
}
