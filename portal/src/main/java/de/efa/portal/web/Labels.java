package de.efa.portal.web;

import de.efa.portal.client.Rollout;
import de.efa.portal.service.CatalogNames;
import de.efa.portal.service.FailureReasons;
import de.efa.portal.service.HistoryTexts;
import de.efa.portal.service.RolloutReasons;
import io.quarkus.qute.TemplateExtension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            "UPDATE_REQUESTED", "Änderung beantragt", "UPDATING", "Wird geändert", "UNUSABLE", "Nicht nutzbar",
            "SUSPENDING", "Wird gesperrt", "SUSPENDED", "Gesperrt", "RESUMING", "Wird entsperrt",
            "CANCELLATION_REQUESTED", "Kündigung beantragt", "DEPROVISIONING", "Wird abgebaut",
            "CANCELLED", "Gekündigt", "FAILED", "Fehlgeschlagen");
    static final Map<String, String> TENANT = ordered(
            "PENDING", "Wartet auf Freigabe", "ACTIVE", "Freigegeben", "SUSPENDED", "Gesperrt");
    private static final Map<String, String> SERVICE = ordered(
            "DRAFT", "Entwurf", "PUBLISHED", "Veröffentlicht", "DEPRECATED", "Abgekündigt", "RETIRED", "Eingestellt");
    static final Map<String, String> JOB = ordered(
            "PENDING", "Wartend", "IN_PROGRESS", "In Arbeit", "SUCCEEDED", "Erfolgreich", "FAILED", "Fehlgeschlagen");
    private static final Map<String, String> OPERATION = ordered(
            "PROVISION", "Einrichten", "DEPROVISION", "Abbauen", "UPDATE", "Ändern", "SUSPEND", "Sperren",
            "RESUME", "Entsperren");
    /** What a failed job's failure means beyond its reason. */
    private static final Map<String, String> FAILURE_KIND = ordered(
            "INSTANCE_UNUSABLE", "Die Instanz ist nach der gescheiterten Änderung nicht mehr nutzbar.",
            "INSTANCE_USABLE",
            "Der Anbieter hat die Änderung abgelehnt; die Instanz bleibt nach seiner Auskunft nutzbar.",
            "NOT_OFFERED", "Der Katalog des Anbieters bietet diesen Vorgang nicht an; der Anbieter wurde nicht gefragt.",
            "NOT_ALLOWED", "Der Betrieb lässt die Adresse des Anbieters nicht zu (etwa unverschlüsseltes http oder eine "
                    + "interne Adresse); der Anbieter wurde nicht aufgerufen.",
            "ORPHAN_LEFT", "Das Aufräumen ist gescheitert: beim Anbieter kann eine Instanz zurückgeblieben sein.");
    /** Where a job's conversation with the provider stands; cleaning up is OSB's orphan mitigation. */
    private static final Map<String, String> JOB_STEP = ordered(
            "SEND", "Anfrage senden", "POLL", "Stand abfragen", "CLEANUP", "Aufräumen: Instanz löschen",
            "CLEANUP_POLL", "Aufräumen: Stand abfragen");
    /** The calls to a provider's Open Service Broker. */
    private static final Map<String, String> BROKER_CALL = ordered(
            "PROVISION", "Einrichten", "DEPROVISION", "Abbauen", "UPDATE", "Ändern",
            "CONTEXT_UPDATE", "Sperren oder Entsperren", "LAST_OPERATION", "Stand abfragen",
            "ORPHAN_MITIGATION", "Aufräumen: Instanz löschen", "ORPHAN_MITIGATION_LAST_OPERATION",
            "Aufräumen: Stand abfragen", "CATALOG", "Katalog lesen", "FETCH_INSTANCE", "Instanz abrufen");
    static final Map<String, String> FINDING_KINDS = ordered(
            "MISSING_AT_PROVIDER", "Fehlt beim Anbieter", "PLAN_DIFFERS", "Anderer Plan beim Anbieter",
            "ORPHAN_LEFT", "Zurückgebliebene Instanz", "SUSPENSION_NOT_CONFIRMED", "Sperrung nicht bestätigt");
    private static final Map<String, String> RUN = ordered(
            "RUNNING", "Läuft", "FINISHED", "Abgeschlossen", "FAILED", "Fehlgeschlagen", "ABANDONED", "Abgebrochen");
    static final Map<String, String> ROLLOUT = ordered("RUNNING", "Läuft", "DONE", "Abgeschlossen");
    /** Where each municipality of a rollout stands; all but PENDING and SUBSCRIBED are final for the rollout. */
    static final Map<String, String> ROLLOUT_ITEM = ordered(
            "PENDING", "Wartet", "SUBSCRIBED", "Beauftragt", "ACTIVE", "Aktiv", "INTEREST_DECLARED", "Interesse bekundet",
            "FAILED", "Fehlgeschlagen", "SKIPPED", "Übersprungen");
    /** The role an audit entry's actor acted in. */
    private static final Map<String, String> ACTOR_ROLES = ordered(
            "operator", "Betrieb", "municipality", "Kommune", "bundler", "Bündler", "provider", "Anbieter",
            "marketplace", "Marktplatz", "system", "System");

    /** How many AGS of a rollout's list its description names. */
    private static final int AGS_SHOWN = 10;

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

    /**
     * A history entry's detail, or a subscription's failure reason, in German where it names who acted or what the
     * marketplace reported; a plan reads by its name in the catalog of the subscription's service.
     */
    static String history(String detail, CatalogNames names, String serviceId) {
        return HistoryTexts.detail(detail, planId -> names.plan(serviceId, planId));
    }

    /**
     * Why a job of the marketplace failed, or its reconciliation did or left a broker out, in German where the reason
     * is one the marketplace is known to give.
     */
    static String reason(String reason) {
        return FailureReasons.german(reason);
    }

    /** Why a municipality of a rollout was skipped, or its subscription failed, in German where the reason is known. */
    static String rolloutReason(String reason) {
        return RolloutReasons.german(reason);
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

    static String jobStep(String step) {
        return JOB_STEP.getOrDefault(step, step);
    }

    /**
     * A call in German, with the marketplace's name for it, which its logs and metrics use: "Stand abfragen
     * (LAST_OPERATION)".
     */
    static String brokerCall(String action) {
        String german = BROKER_CALL.get(action);
        return german == null ? action : german + " (" + action + ")";
    }

    static String failureKind(String kind) {
        return FAILURE_KIND.getOrDefault(kind, kind);
    }

    static String findingKind(String kind) {
        return FINDING_KINDS.getOrDefault(kind, kind);
    }

    static String run(String status) {
        return RUN.getOrDefault(status, status);
    }

    static String rollout(String status) {
        return ROLLOUT.getOrDefault(status, status);
    }

    static String rolloutItem(String status) {
        return ROLLOUT_ITEM.getOrDefault(status, status);
    }

    /** Which municipalities a rollout chose, each condition given: "im Land Sachsen und im Kreis 14729". */
    static String selection(Rollout.Selection select) {
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(select.all())) {
            parts.add("alle freigegebenen Kommunen");
        }
        if (select.clientsOf() != null) {
            parts.add("die Kommunen mit Mandat für Bündler " + select.clientsOf());
        }
        if (select.land() != null) {
            parts.add("im Land " + land(select.land()));
        }
        if (select.kreis() != null) {
            parts.add("im Kreis " + select.kreis());
        }
        if (select.ags() != null && !select.ags().isEmpty()) {
            parts.add(select.ags().size() > AGS_SHOWN
                    ? select.ags().size() + " Gemeindeschlüssel, darunter " + String.join(", ", select.ags()
                    .subList(0, AGS_SHOWN))
                    : "mit " + (select.ags().size() == 1 ? "dem Gemeindeschlüssel " : "den Gemeindeschlüsseln ")
                    + String.join(", ", select.ags()));
        }
        return parts.isEmpty() ? "–" : String.join(" und ", parts);
    }

    static String actorRole(String role) {
        return ACTOR_ROLES.getOrDefault(role, role);
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
