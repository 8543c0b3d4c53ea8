package de.efa.portal.service;

import de.efa.portal.client.BundlerApi;
import de.efa.portal.client.Page;
import de.efa.portal.client.Tenant;
import de.efa.portal.client.TenantApi;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The municipalities the logged-in person orders for: a municipality for itself, a bundler for each municipality
 * that gave it a mandate. A bundler may not read a tenant, only its clients, so a page about one of them finds it
 * there; the tenant-service still decides every order.
 */
@RequestScoped
public class Customers {

    private static final int PAGE_SIZE = 100;

    private final TenantApi tenants;
    private final BundlerApi bundlers;
    private final Viewer viewer;

    public Customers(@RestClient TenantApi tenants, @RestClient BundlerApi bundlers, Viewer viewer) {
        this.tenants = tenants;
        this.bundlers = bundlers;
        this.viewer = viewer;
    }

    /** The municipality with this AGS, as far as the logged-in person may order for it. */
    public Tenant of(String ags) {
        if (!viewer.isBundler()) {
            return tenants.tenant(ags);
        }
        return clients().stream().filter(client -> client.ags().equals(ags)).findFirst()
                .orElseThrow(() -> new ForbiddenException("bundler " + viewer.bundlerId() + " has no mandate of " + ags));
    }

    /** The bundler's clients in AGS order; none for anyone else. */
    public List<Tenant> clients() {
        List<Tenant> clients = new ArrayList<>();
        if (!viewer.isBundler()) {
            return clients;
        }
        Page<Tenant> page;
        int number = 0;
        do {
            page = bundlers.clients(viewer.bundlerId(), number++, PAGE_SIZE);
            clients.addAll(page.items());
        } while (page.hasNext());
        return clients;
    }
}
