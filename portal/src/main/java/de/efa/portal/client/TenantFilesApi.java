package de.efa.portal.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The tenant-service's operations on a whole file in the format of the municipality directory ({@code
 * gemeinden.csv}), with the operator's token. They have a client of their own because a file of every Gemeinde takes
 * the service far longer than the portal waits for any other answer ({@code quarkus.rest-client.tenant-files}).
 */
@RegisterRestClient(configKey = "tenant-files")
@RegisterProvider(TenantProblems.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/tenants")
@Consumes("text/csv")
public interface TenantFilesApi {

    /** New population figures for the tenants there are. */
    @POST
    @Path("/population")
    PopulationReport population(String csv);

    /** Registers every municipality of the file that is no tenant yet, as ACTIVE. */
    @POST
    @Path("/import")
    ImportReport importTenants(String csv);
}
