package de.efa.demoprovider.rest;

import de.efa.demoprovider.domain.BrokerApiVersion;
import de.efa.demoprovider.domain.BrokerAudience;
import de.efa.demoprovider.rest.error.ErrorAnswer;
import de.efa.demoprovider.service.BrokerException;
import de.efa.demoprovider.service.FaultInjector;
import de.efa.demoprovider.service.FaultInjector.Fault;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/**
 * What every broker call goes through before it reaches a resource: the token's audience, which must name the broker
 * of the provider in the path, then the OSB version header, then the injected faults. Every other call is refused a
 * token meant for a broker, so that a token the marketplace sent to one provider's broker, which that broker may keep
 * or leak, is worth nothing beside it either (the instances of every broker are listed there). A failure is thrown here,
 * before anything can change; a slow call waits on a timer, not on a thread. Whether there is a valid token at all,
 * and whether it has the role, is the security layer's to say (401, 403).
 * On the way out, the platform's request identity is handed back, as OSB recommends, for tracing, and the call is
 * logged with it and the W3C {@code traceparent} the marketplace sent, by which the call is found in its trace.
 */
public class BrokerApiFilter {

    private static final Logger LOG = Logger.getLogger(BrokerApiFilter.class);
    private static final String REQUEST_IDENTITY = "X-Broker-API-Request-Identity";
    private static final String TRACEPARENT = "traceparent";

    private final FaultInjector faults;
    private final CurrentIdentityAssociation identities;

    public BrokerApiFilter(FaultInjector faults, CurrentIdentityAssociation identities) {
        this.faults = faults;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> beforeBrokerCall(UriInfo uri, HttpHeaders headers) {
        if (!ErrorAnswer.isBrokerPath(uri)) {
            return identities.getDeferredIdentity().onItem().transform(identity -> {
                if (BrokerAudience.namesABroker(audience(identity))) {
                    throw BrokerException.meantForABroker();
                }
                return null;
            });
        }
        String providerId = uri.getPathParameters().getFirst(BrokerApi.PROVIDER_ID);
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            if (!identity.isAnonymous() && !BrokerAudience.isMeantFor(audience(identity), providerId)) {
                throw BrokerException.notMeantForThisBroker(BrokerAudience.of(providerId));
            }
            return checked(headers);
        });
    }

    private Uni<Response> checked(HttpHeaders headers) {
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

    /** The audience of the caller's token; a principal that is no token has none. */
    private static Set<String> audience(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getAudience() != null
                ? token.getAudience() : Set.of();
    }

    @ServerResponseFilter
    public void afterBrokerCall(ContainerRequestContext request, ContainerResponseContext response) {
        if (!ErrorAnswer.isBrokerPath(request.getUriInfo())) {
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
