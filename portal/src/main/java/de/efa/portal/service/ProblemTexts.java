package de.efa.portal.service;

import java.util.List;

/**
 * German wording for the detail of a service's problem answer, which an error page or a refused step shows as the
 * service's hint (the tenant-service's {@code TenantScope}, {@code TenantService} and {@code SubscriptionService},
 * the catalog-service's {@code CatalogService}). Ids and AGS stay as written, as does a detail no rule knows.
 */
public final class ProblemTexts {

    private static final List<TextRule> RULES = List.of(
            TextRule.of("You may act only for your own municipality, or as a bundler for a municipality that gave you "
                            + "a mandate",
                    m -> "Sie dürfen nur für Ihre eigene Kommune handeln oder als Bündler für eine Kommune, die "
                            + "Ihnen ein Mandat erteilt hat."),
            TextRule.of("You may act only for your own municipality",
                    m -> "Sie dürfen nur für Ihre eigene Kommune handeln."),
            TextRule.of("There is no service (\\S+)",
                    m -> "Eine Leistung mit der Kennung " + m.group(1) + " gibt es hier nicht."),
            TextRule.of("No service (\\S+) in the catalog",
                    m -> "Die Leistung " + m.group(1) + " steht nicht im Katalog."),
            TextRule.of("No tenant with AGS (\\S+) is registered",
                    m -> "Unter dem Gemeindeschlüssel " + m.group(1) + " ist keine Kommune registriert."),
            TextRule.of("Service (\\S+) is not offered in (.+)",
                    m -> "Die Leistung " + m.group(1) + " ist für " + m.group(2)
                            + " nicht zur Nachnutzung freigegeben."));

    private ProblemTexts() {
    }

    /** The detail in German; one no rule knows as written. */
    public static String german(String detail) {
        return detail == null ? null : TextRule.german(RULES, detail).orElse(detail);
    }
}
