package de.efa.portal.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.io.IOException;
import java.util.List;

/**
 * Turns an error answer of a service into a {@link ServiceException}. Reads the body itself, as the problem media
 * type is not plain JSON and a proxy in front of a service may answer with no JSON at all.
 */
abstract class ProblemReader implements ResponseExceptionMapper<ServiceException> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String service;

    ProblemReader(String service) {
        this.service = service;
    }

    /** The German name of the service whose answers this reads, e.g. "Leistungskatalog". */
    String service() {
        return service;
    }

    @Override
    public ServiceException toThrowable(Response response) {
        return new ServiceException(service, response.getStatus(), problemOf(response));
    }

    private static Problem problemOf(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        try {
            if (body.startsWith("{")) {
                return JSON.readValue(body, Problem.class);
            }
        } catch (IOException e) {
            // Not a problem answer after all: the status alone must do.
        }
        return new Problem(null, null, response.getStatus(), null, List.of());
    }
}
