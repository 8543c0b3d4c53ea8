package de.efa.catalog.domain;

import java.util.List;

/** Everything a provider says about a service, each value already checked by its type. */
public record ServiceDefinition(
        Slug slug,
        String name,
        String summary,
        String description,
        List<String> keywords,
        List<LeikaKey> leikaKeys,
        OzgId ozgId,
        Themenfeld themenfeld,
        LandCode leadLand,
        List<LandCode> availableIn,
        List<ReuseModel> reuseModels,
        List<LanguageCode> languages,
        Accessibility accessibility,
        List<Plan> plans) {
}
