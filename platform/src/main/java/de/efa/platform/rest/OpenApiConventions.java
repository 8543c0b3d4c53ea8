package de.efa.platform.rest;

import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every service's OpenAPI document says alike, so that no resource has to repeat it: an operation without a
 * security requirement is public ({@code security: []}); a response header has a string schema; every operation
 * can be refused for the request limits (414, 431, and 413 where it takes a body), as problems; an operation's id is
 * its method's name, made unique by the resource's name where two resources share a method name
 * ({@code ServiceResource_get} becomes {@code getService}); the paging parameters {@code page} and {@code size} are
 * integers with their ranges ({@link PageRequest}), though resources take them as text to refuse a bad one with
 * 400. The 413 answer is left out of a document without a body-taking operation, as an unused component is a lint
 * warning.
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean takesBodies = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .anyMatch(operation -> operation.getRequestBody() != null);
        addLimitResponses(openAPI, takesBodies);
        nameOperations(openAPI);
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getSecurity() == null) {
                    operation.setSecurity(List.of());
                }
                typePaging(operation);
                if (operation.getResponses() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().values().forEach(OpenApiConventions::typeHeaders);
                operation.getResponses().addAPIResponse("414", reference("UriTooLong"));
                operation.getResponses().addAPIResponse("431", reference("HeadersTooLarge"));
                if (operation.getRequestBody() != null) {
                    operation.getResponses().addAPIResponse("413", reference("BodyTooLarge"));
                }
            }
        }
    }

    private static void nameOperations(OpenAPI openAPI) {
        List<Operation> operations = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .filter(operation -> operation.getOperationId() != null)
                .toList();
        Map<String, Long> methods = operations.stream()
                .collect(Collectors.groupingBy(OpenApiConventions::methodOf, Collectors.counting()));
        for (Operation operation : operations) {
            String id = operation.getOperationId();
            int separator = id.indexOf('_');
            if (separator < 0) {
                continue;
            }
            String method = methodOf(operation);
            operation.setOperationId(methods.get(method) == 1 ? method
                    : method + id.substring(0, separator).replaceFirst("Resource$", ""));
        }
    }

    private static String methodOf(Operation operation) {
        String id = operation.getOperationId();
        return id.substring(id.indexOf('_') + 1);
    }

    /** By name: every query parameter {@code page} or {@code size} of the services is paging, and must stay so. */
    private static void typePaging(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() != Parameter.In.QUERY || parameter.getRef() != null) {
                continue;
            }
            Schema integer = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
            switch (parameter.getName()) {
                case "page" -> parameter.setSchema(integer.minimum(BigDecimal.ZERO).defaultValue(0));
                case "size" -> parameter.setSchema(integer.minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(PageRequest.MAX_SIZE)).defaultValue(PageRequest.DEFAULT_SIZE));
                default -> {
                }
            }
        }
    }

    private static void typeHeaders(APIResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        for (Header header : response.getHeaders().values()) {
            if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            }
        }
    }

    private static void addLimitResponses(OpenAPI openAPI, boolean takesBodies) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, String> limits = new HashMap<>(Map.of("UriTooLong", "The URI is longer than 8 KiB",
                "HeadersTooLarge", "The request headers are larger than 16 KiB"));
        if (takesBodies) {
            limits.put("BodyTooLarge", "The body is larger than 1 MiB, or the change would make too large an event");
        }
        limits.forEach((name, description) -> openAPI.getComponents().addResponse(name,
                        OASFactory.createAPIResponse()
                                .description(description)
                                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType().schema(
                                                OASFactory.createSchema().ref(PROBLEM_SCHEMA))))));
    }

    private static APIResponse reference(String name) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }
}
