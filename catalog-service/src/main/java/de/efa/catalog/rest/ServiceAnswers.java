package de.efa.catalog.rest;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.mapping.ServiceMapper;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.rest.EntityTags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** What the service resources share: reading a service id from the path, answering a service with its ETag. */
@ApplicationScoped
class ServiceAnswers {

    private final ServiceMapper mapper;

    ServiceAnswers(ServiceMapper mapper) {
        this.mapper = mapper;
    }

    Response ok(EfaService service) {
        return Response.ok(mapper.toView(service)).header(HttpHeaders.ETAG, EntityTags.of(service.version())).build();
    }

    /** An id that is no UUID names no service: 404 like any other unknown id. */
    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no service " + id);
        }
    }
}
