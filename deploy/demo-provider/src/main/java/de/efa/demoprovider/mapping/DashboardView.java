package de.efa.demoprovider.mapping;

import java.time.Instant;

/** What the dashboard page of an instance shows: who it is for, what it is, how it stands. */
public record DashboardView(String instanceId, String serviceId, String planId, String state, String tenantName,
                            String ags, String land, Instant createdAt) {
}
