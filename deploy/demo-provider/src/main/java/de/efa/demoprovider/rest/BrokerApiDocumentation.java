package de.efa.demoprovider.rest;

import de.efa.demoprovider.domain.BrokerApiVersion;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents, in one place, what {@link BrokerApiFilter} and the security layer do to every broker operation: the
 * provider in the path, the required version header and the answers 401, 403, 412 and 500 (injected fault), all with
 * the OSB error body.
 * Operations without a token (the dashboard) are marked public.
 */
public class BrokerApiDocumentation implements OASFilter {

    private static final Map<String, String> COMMON_ANSWERS = new TreeMap<>(Map.of(
            "401", "No valid bearer token, or one whose audience is not this provider's broker (`broker-{provider_id}`)"
                    + " (error `Unauthorized`)",
            "403", "The token lacks the role marketplace (error `Forbidden`)",
            "412", "X-Broker-API-Version is missing or not 2.x (error `PreconditionFailed`)",
            "500", "A fault injected on purpose (error `InjectedFault`); nothing was changed"));

    @Override
    public PathItem filterPathItem(PathItem item) {
        item.getOperations().values().stream()
                .filter(operation -> operation.getTags() != null && operation.getTags().contains(BrokerApi.TAG))
                .forEach(BrokerApiDocumentation::document);
        // An operation without a security requirement is public (the dashboard): say so, rather than leave it open.
        item.getOperations().values().stream()
                .filter(operation -> operation.getSecurity() == null)
                .forEach(operation -> operation.setSecurity(List.of()));
        return item;
    }

    private static void document(Operation operation) {
        // A resource method that reads the provider id has it generated as a bare path parameter: replaced here by
        // the one that says what the id stands for, since a parameter may be named only once.
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> BrokerApi.PROVIDER_ID.equals(parameter.getName())
                            && parameter.getIn() == Parameter.In.PATH)
                    .toList()
                    .forEach(operation::removeParameter);
        }
        operation.addParameter(OASFactory.createParameter()
                .name(BrokerApi.PROVIDER_ID)
                .in(Parameter.In.PATH)
                .required(true)
                .description("The provider whose broker is called; the token's audience must contain"
                        + " `broker-{provider_id}`")
                .example("akdb")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        operation.addParameter(OASFactory.createParameter()
                .name(BrokerApiVersion.HEADER)
                .in(Parameter.In.HEADER)
                .required(true)
                .description("Open Service Broker API version of the caller; 2.x is required")
                .example(BrokerApiVersion.IMPLEMENTED)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        COMMON_ANSWERS.forEach((status, description) -> operation.getResponses().addAPIResponse(status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent().addMediaType(MediaType.APPLICATION_JSON,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("OsbError"))))));
    }
}
