package de.efa.portal.client;

import java.util.List;

/** What a file of population figures changed: tenants updated, tenants already so, and AGS no tenant has. */
public record PopulationReport(int updated, int unchanged, List<String> unknownAgs) {
}
