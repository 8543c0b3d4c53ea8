package de.efa.portal.web;

import de.efa.portal.service.HistoryTexts;
import io.quarkus.qute.TemplateExtension;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * German names of the codes the APIs speak: Länder, statuses, kinds and reuse models. A code this portal does not
 * know yet (a newer service version) is shown as it is rather than hidden.
 */
@TemplateExtension(namespace = "label")
public final class Labels {

    static final Map<String, String> LAENDER = ordered(
            "01", "Schleswig-Holstein", "02", "Hamburg", "03", "Niedersachsen", "04", "Bremen",
            "05", "Nordrhein-Westfalen", "06", "Hessen", "07", "Rheinland-Pfalz", "08", "Baden-Württemberg",
            "09", "Bayern", "10", "Saarland", "11", "Berlin", "12", "Brandenburg", "13", "Mecklenburg-Vorpommern",
            "14", "Sachsen", "15", "Sachsen-Anhalt", "16", "Thüringen");
    static final Map<String, String> REUSE_MODELS = ordered(
            "FIT_STORE", "FIT-Store", "EFA_MARKTPLATZ", "EfA-Marktplatz", "DIREKTVERTRAG", "Direktvertrag",
            "OPEN_SOURCE", "Open Source", "KOMMUNALVERTRETER", "Kommunalvertreter",
            "VERWALTUNGSVEREINBARUNG", "Verwaltungsvereinbarung");
    static final Map<String, String> CONTRACT_MODELS = ordered(
            "NONE", "Ohne Vereinbarung", "TERMS", "Nutzungsbedingungen", "INTEREST", "Interessenbekundung und Angebot");
    static final Map<String, String> TENANT_KINDS = ordered(
            "GEMEINDE", "Gemeinde", "STADT", "Stadt", "KREISFREIE_STADT", "Kreisfreie Stadt", "LANDKREIS", "Landkreis",
            "VERBANDSGEMEINDE", "Verbandsgemeinde");
    /** The statuses of a subscription to a plan with INTEREST until it is concluded, or how it ended instead. */
    static final Map<String, String> INTEREST = ordered(
            "INTEREST_DECLARED", "Interesse bekundet", "OFFERED", "Angebot liegt vor", "DECLINED", "Abgelehnt",
            "WITHDRAWN", "Zurückgezogen", "EXPIRED", "Abgelaufen");
    private static final Map<String, String> SUBSCRIPTION = with(INTEREST,
            "REQUESTED", "Beantragt", "PROVISIONING", "Wird eingerichtet", "ACTIVE", "Aktiv",
            "CANCELLATION_REQUESTED", "Kündigung beantragt", "DEPROVISIONING", "Wird abgebaut",
            "CANCELLED", "Gekündigt", "FAILED", "Fehlgeschlagen");
    static final Map<String, String> TENANT = ordered(
            "PENDING", "Wartet auf Freigabe", "ACTIVE", "Freigegeben", "SUSPENDED", "Gesperrt");
    private static final Map<String, String> SERVICE = ordered(
            "DRAFT", "Entwurf", "PUBLISHED", "Veröffentlicht", "DEPRECATED", "Abgekündigt", "RETIRED", "Eingestellt");
    static final Map<String, String> JOB = ordered(
            "PENDING", "Wartend", "IN_PROGRESS", "In Arbeit", "SUCCEEDED", "Erfolgreich", "FAILED", "Fehlgeschlagen");
    private static final Map<String, String> OPERATION = ordered(
            "PROVISION", "Einrichten", "DEPROVISION", "Abbauen");

    private Labels() {
    }

    static String land(String code) {
        return code == null ? "–" : LAENDER.getOrDefault(code, code);
    }

    static String reuseModel(String code) {
        return REUSE_MODELS.getOrDefault(code, code);
    }

    static String contractModel(String code) {
        return CONTRACT_MODELS.getOrDefault(code, code);
    }

    /** Who acted, as a history, a contract or an offer names them: "bundler kisa" reads "Bündler kisa". */
    static String actor(String actor) {
        return HistoryTexts.actor(actor);
    }

    /** A history entry's detail, in German where it names who acted. */
    static String history(String detail) {
        return HistoryTexts.detail(detail);
    }

    static String tenantKind(String code) {
        return TENANT_KINDS.getOrDefault(code, code);
    }

    static String subscription(String status) {
        return SUBSCRIPTION.getOrDefault(status, status);
    }

    static String tenant(String status) {
        return TENANT.getOrDefault(status, status);
    }

    static String service(String status) {
        return SERVICE.getOrDefault(status, status);
    }

    static String job(String status) {
        return JOB.getOrDefault(status, status);
    }

    static String operation(String operation) {
        return OPERATION.getOrDefault(operation, operation);
    }

    /** A status as a CSS class, so that colour follows the state: {@code status-active}. */
    static String css(String status) {
        return status == null ? "" : "status-" + status.toLowerCase().replace('_', '-');
    }

    private static Map<String, String> ordered(String... codesAndNames) {
        return with(Map.of(), codesAndNames);
    }

    private static Map<String, String> with(Map<String, String> first, String... codesAndNames) {
        Map<String, String> map = new LinkedHashMap<>(first);
        for (int i = 0; i < codesAndNames.length; i += 2) {
            map.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return map;
    }
}
