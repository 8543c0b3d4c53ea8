package de.efa.demoprovider.rest.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import de.efa.demoprovider.domain.InvalidRequestException;
import de.efa.demoprovider.domain.Violation;
import de.efa.demoprovider.service.BrokerException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into an error answer: the caller learns what was wrong, never how the provider is built. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response broker(BrokerException e, UriInfo uri) {
        return new ErrorAnswer(e.status(), e.error(), e.getMessage()).toResponse(uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return new ErrorAnswer(400, "BadRequest", e.getMessage(), e.violations()).toResponse(uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(UriInfo uri) {
        return new ErrorAnswer(401, "Unauthorized", "A valid bearer token of the realm efa is required")
                .toResponse(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return new ErrorAnswer(403, "Forbidden", "Your role does not allow this operation").toResponse(uri);
    }

    /** Named explicitly, so that Jackson's own answer to a mismatched input (a bare field report) is not used. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'";
        } else if (!field.isEmpty()) {
            detail = "Field '" + field + "' has the wrong type";
        } else {
            detail = "The body is not valid JSON";
        }
        List<Violation> violations = field.isEmpty() ? List.of() : List.of(new Violation(field, detail));
        return new ErrorAnswer(400, "BadRequest", detail, violations).toResponse(uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String error = status.getReasonPhrase().replaceAll("[^A-Za-z]", "");
        return new ErrorAnswer(status.getStatusCode(), error, e.getMessage()).toResponse(uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure on %s", uri.getRequestUri().getRawPath());
        return new ErrorAnswer(500, "InternalError", "The request could not be completed; it has been logged")
                .toResponse(uri);
    }

    /** The field as the caller wrote it: {@code parameters.fee}, {@code items[0]}. */
    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
