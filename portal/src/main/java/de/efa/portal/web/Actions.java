package de.efa.portal.web;

import de.efa.portal.client.ServiceException;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one-click steps of the pages (approving, suspending or reactivating a tenant, publishing, retrying a job,
 * resubmitting a subscription, revoking a mandate, starting a reconciliation, cancelling). A step the service refuses because the resource is not, or no longer, as the page
 * showed it (409), is gone (404) or is not the person's (403) comes back to the page it was started from, showing the
 * resource as it is now with why nothing happened: an error page would only lead away from it.
 */
final class Actions {

    private Actions() {
    }

    /**
     * Takes the step, which answers where to go after it. A refusal renders {@code asItIsNow} with a notice that starts
     * with {@code nothingHappened} and ends with the service's explanation, under the service's status. A service that
     * fails or a login that expired still gets its own page.
     */
    static Response take(Supplier<URI> step, String nothingHappened, Function<String, TemplateInstance> asItIsNow) {
        try {
            return Response.seeOther(step.get()).build();
        } catch (ServiceException e) {
            if (e.status() >= 500 || e.status() == 401) {
                throw e;
            }
            return Response.status(e.status()).entity(asItIsNow.apply(notice(nothingHappened, e))).build();
        }
    }

    private static String notice(String nothingHappened, ServiceException e) {
        ErrorPages.ErrorPage page = ErrorPages.pageFor(e);
        return nothingHappened + " " + page.title() + ". Hier sehen Sie den aktuellen Stand." + page.hint();
    }
}
