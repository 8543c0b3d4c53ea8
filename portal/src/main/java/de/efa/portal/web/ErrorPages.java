package de.efa.portal.web;

import de.efa.portal.client.Problem;
import de.efa.portal.client.ServiceException;
import de.efa.portal.service.ProblemTexts;
import de.efa.portal.service.ViolationTexts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every failure as a German page with what it means and what to do: never a stack trace, never a service's raw
 * answer. A service's own explanation is shown as a detail for whoever has to help, in German where a rule knows it.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final int MAX_URI_LENGTH = 8192;
    /** The framework's own words for a status, which a service gives as its detail when no route matched. */
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP \\d{3}( .*)?");
    /** The German names of the fields an address carries (ids, filters, paging); others are named as written. */
    private static final Map<String, String> FIELD_NAMES = Map.of("ags", "Gemeindeschlüssel (AGS)", "id", "Kennung",
            "status", "Status", "serviceId", "Leistung", "page", "Seite", "size", "Seitengröße", "from", "Beginn",
            "to", "Ende");
    /** The services whose German name is feminine; the others' (the Leistungskatalog) is masculine. */
    private static final Set<String> FEMININE = Set.of("Kommunenverwaltung", "Bereitstellung");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fehler(ErrorPage page);
    }

    /** What the page says. */
    public record ErrorPage(int status, String title, String message, String detail, boolean offerLogin) {

        /** The service's own explanation, for a message that stands in for this page: " (Hinweis des Dienstes: …)". */
        String hint() {
            return detail == null ? "" : " (Hinweis des Dienstes: " + detail + ")";
        }
    }

    /** A service's name with its article, as the pages say it: "Der Leistungskatalog", "in der Bereitstellung". */
    record ServiceName(String subject, String in, String from) {

        static ServiceName of(String service) {
            return FEMININE.contains(service)
                    ? new ServiceName("Die " + service, "in der " + service, "von der " + service)
                    : new ServiceName("Der " + service, "im " + service, "vom " + service);
        }
    }

    /**
     * Refuses an address longer than the services take (docs/http.md, "Limits") with a page of its own. The HTTP
     * layer's own limit is set far above (application.properties), as it would answer with an empty 414.
     */
    @ServerRequestFilter(preMatching = true)
    public Response uriTooLong(HttpServerRequest request) {
        if (request.uri().length() <= MAX_URI_LENGTH) {
            return null;
        }
        return render(new ErrorPage(414, "Adresse zu lang",
                "Diese Adresse ist zu lang, um sie zu bearbeiten. Bitte kürzen Sie den Suchbegriff oder die Filter "
                        + "und versuchen Sie es noch einmal.", null, false));
    }

    @ServerExceptionMapper
    public Response serviceAnswered(ServiceException e) {
        return render(pageFor(e));
    }

    /** What an error answer of a service means for the person in front of the page. */
    static ErrorPage pageFor(ServiceException e) {
        String detail = explanationOf(e.problem());
        ServiceName service = ServiceName.of(e.service());
        return switch (e.status()) {
            case 401 -> new ErrorPage(401, "Bitte melden Sie sich erneut an",
                    "Ihre Anmeldung ist abgelaufen oder wurde " + service.from() + " nicht anerkannt.", null, true);
            case 403 -> new ErrorPage(403, "Keine Berechtigung",
                    service.subject() + " erlaubt Ihnen diesen Schritt nicht. Sie sehen und ändern nur die Daten "
                            + "Ihrer eigenen Kommune, der Kommunen mit Mandat oder Ihres eigenen Anbieters.", detail,
                    false);
            case 404 -> new ErrorPage(404, "Nicht gefunden",
                    "Das Gesuchte gibt es " + service.in() + " nicht (mehr), oder es ist noch nicht veröffentlicht.",
                    detail, false);
            case 409 -> new ErrorPage(409, "Dieser Schritt ist gerade nicht möglich",
                    service.subject() + " hat den Schritt abgelehnt, weil er nicht zum aktuellen Stand passt. "
                            + "Bitte laden Sie die Seite neu und prüfen Sie den Status.", detail, false);
            case 412 -> new ErrorPage(409, "Inzwischen geändert",
                    "Jemand anderes hat die Daten inzwischen geändert. Bitte laden Sie die Seite neu.", detail, false);
            default -> e.status() >= 500
                    ? new ErrorPage(502, service.subject() + " hat einen Fehler gemeldet",
                    "Bitte versuchen Sie es in einigen Minuten noch einmal. Besteht der Fehler weiter, wenden Sie "
                            + "sich an den Betrieb des EfA-Marktplatzes.", detail, false)
                    : new ErrorPage(400, "Die Anfrage wurde abgelehnt",
                    service.subject() + " hat die Angaben nicht angenommen." + violations(e.problem()), detail,
                    false);
        };
    }

    /**
     * The service's own explanation, where it has one: with violations, which are named in German instead, its
     * detail only counts them; a detail that is only the status line says nothing the page does not.
     */
    private static String explanationOf(Problem problem) {
        String detail = problem.detail();
        if (detail == null || !problem.violationList().isEmpty() || STATUS_LINE.matcher(detail).matches()) {
            return null;
        }
        return ProblemTexts.german(detail);
    }

    /** Each violation with its field: " Kennung: Bitte eine Kennung mit 36 Zeichen angeben, …". */
    private static String violations(Problem problem) {
        StringBuilder text = new StringBuilder();
        for (Problem.Violation violation : problem.violationList()) {
            text.append(' ');
            if (violation.field() != null) {
                text.append(FIELD_NAMES.getOrDefault(violation.field(), "„" + violation.field() + "“")).append(": ");
            }
            text.append(ViolationTexts.german(violation.message()));
        }
        return text.toString();
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service could not be reached: %s", e.getMessage());
        return render(new ErrorPage(503, "Ein Dienst ist gerade nicht erreichbar",
                "Ein Teil des EfA-Marktplatzes antwortet im Moment nicht. Ihre Daten sind sicher; bitte versuchen Sie "
                        + "es in einigen Minuten noch einmal.", null, false));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(new ErrorPage(403, "Keine Berechtigung",
                "Dieser Bereich ist für eine andere Rolle bestimmt: Kommunen, Bündler, Anbieter und der Betrieb des "
                        + "Marktplatzes sehen jeweils ihre eigenen Seiten, Bündler nur die der Kommunen, die ihnen ein "
                        + "Mandat erteilt haben.", null, false));
    }

    /** A step the portal refuses itself, as a service would refuse to keep what the person is about to do. */
    static Response notPermitted(String message) {
        return render(new ErrorPage(403, "Keine Berechtigung", message, null, false));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return render(new ErrorPage(404, "Seite nicht gefunden",
                "Diese Adresse gibt es im EfA-Marktplatz nicht. Vielleicht hilft die Suche im Schaufenster.", null,
                false));
    }

    /** Redirects pass; any other status the framework answers gets a page of its own. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        return render(new ErrorPage(status, "Die Anfrage konnte nicht bearbeitet werden",
                "Bitte gehen Sie zurück und versuchen Sie es noch einmal.", null, false));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure while rendering a page", e);
        return render(new ErrorPage(500, "Ein unerwarteter Fehler ist aufgetreten",
                "Bitte versuchen Sie es noch einmal. Besteht der Fehler weiter, wenden Sie sich an den Betrieb des "
                        + "EfA-Marktplatzes.", null, false));
    }

    private static Response render(ErrorPage page) {
        return Response.status(page.status()).type(MediaType.TEXT_HTML_TYPE).entity(Templates.fehler(page)).build();
    }
}
