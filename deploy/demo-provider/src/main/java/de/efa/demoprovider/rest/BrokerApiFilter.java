package de.efa.demoprovider.rest;

import de.efa.demoprovider.domain.BrokerApiVersion;
import de.efa.demoprovider.rest.error.ErrorAnswer;
import de.efa.demoprovider.service.BrokerException;
import de.efa.demoprovider.service.FaultInjector;
import de.efa.demoprovider.service.FaultInjector.Fault;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every broker call goes through before it reaches a resource: the OSB version header, then the injected
 * faults. A failure is thrown here, before anything can change; a slow call waits on a timer, not on a thread.
 * On the way out, the platform's request identity is handed back, as OSB recommends, for tracing, and the call is
 * logged with it and the W3C {@code traceparent} the marketplace sent, by which the call is found in its trace.
 */
public class BrokerApiFilter {

    private static final Logger LOG = Logger.getLogger(BrokerApiFilter.class);
    private static final String REQUEST_IDENTITY = "X-Broker-API-Request-Identity";
    private static final String TRACEPARENT = "traceparent";

    private final FaultInjector faults;

    public BrokerApiFilter(FaultInjector faults) {
        this.faults = faults;
    }

    @ServerRequestFilter
    public Uni<Response> beforeBrokerCall(UriInfo uri, HttpHeaders headers) {
        if (!ErrorAnswer.isBrokerPath(uri.getPath())) {
            return Uni.createFrom().nullItem();
        }
        String version = headers.getHeaderString(BrokerApiVersion.HEADER);
        if (!BrokerApiVersion.isSupported(version)) {
            throw BrokerException.unsupportedApiVersion("This broker implements Open Service Broker API "
                    + BrokerApiVersion.IMPLEMENTED + "; send the header " + BrokerApiVersion.HEADER + " with a 2.x"
                    + " version (got " + (version == null ? "none" : "'" + version + "'") + ")");
        }
        Fault fault = faults.next();
        return switch (fault.kind()) {
            case ERROR -> throw BrokerException.injectedFault();
            case SLOW -> Uni.createFrom().<Response>nullItem().onItem().delayIt().by(fault.delay());
            case NONE -> Uni.createFrom().nullItem();
        };
    }

    @ServerResponseFilter
    public void afterBrokerCall(ContainerRequestContext request, ContainerResponseContext response) {
        if (!ErrorAnswer.isBrokerPath(request.getUriInfo().getPath())) {
            return;
        }
        String identity = request.getHeaderString(REQUEST_IDENTITY);
        if (identity != null) {
            response.getHeaders().putSingle(REQUEST_IDENTITY, identity);
        }
        LOG.infof("%s %s answered %d (request identity %s, traceparent %s)", request.getMethod(),
                request.getUriInfo().getPath(), response.getStatus(), identity, request.getHeaderString(TRACEPARENT));
    }
}
