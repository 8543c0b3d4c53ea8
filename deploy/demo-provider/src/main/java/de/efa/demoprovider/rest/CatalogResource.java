package de.efa.demoprovider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.demoprovider.service.BrokerCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(BrokerApi.BASE + "/catalog")
@Tag(name = BrokerApi.TAG, description = "Open Service Broker API v2.17 for demo SaaS instances")
@SecurityRequirement(name = BrokerApi.SECURITY)
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final BrokerCatalog catalog;

    public CatalogResource(BrokerCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed(BrokerApi.ROLE)
    @Operation(summary = "The broker's catalog",
            description = "The demo SaaS offering and its plans. The broker accepts any service and plan id in"
                    + " requests, so the marketplace can use the ids of its own catalog. Its instances can be fetched"
                    + " (`instances_retrievable`), change plan (`plan_updateable`) and take context updates"
                    + " (`allow_context_updates`)." + BrokerApi.ROLES_NOTE)
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "catalog",
                    value = "{\"services\":[{\"id\":\"5a0c2b1e-3d4f-4e6a-9b7c-efa0de000001\",\"name\":\"efa-demo-saas\","
                            + "\"bindable\":false,\"instances_retrievable\":true,\"plan_updateable\":true,"
                            + "\"allow_context_updates\":true,\"plans\":[{\"id\":\"standard\","
                            + "\"name\":\"standard\"}]}]}")))
    public JsonNode catalog() {
        return catalog.catalog();
    }
}
