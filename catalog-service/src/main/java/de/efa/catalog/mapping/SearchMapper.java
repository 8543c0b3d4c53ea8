package de.efa.catalog.mapping;

import de.efa.catalog.domain.EnumValues;
import de.efa.catalog.domain.InvalidValueException;
import de.efa.catalog.domain.LandCode;
import de.efa.catalog.domain.LeikaKey;
import de.efa.catalog.domain.ReuseModel;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.SearchOrder;
import de.efa.catalog.domain.Slug;
import de.efa.catalog.domain.Text;
import de.efa.catalog.domain.Themenfeld;
import de.efa.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Query parameters into search criteria and a page; every bad parameter is named in one 400 answer. */
@ApplicationScoped
public class SearchMapper {

    public record Search(SearchCriteria criteria, PageRequest page) {
    }

    public Search toSearch(String q, String themenfeld, String land, String leika, String reuseModel,
                           String providerId, String sort, String page, String size) {
        Fields v = new Fields();
        String query = v.check("q", () -> Text.optional(q, 200));
        Themenfeld field = blank(themenfeld) ? null : v.check("themenfeld", () -> Themenfeld.ofCode(themenfeld));
        LandCode landCode = blank(land) ? null : v.check("land", () -> LandCode.of(land));
        LeikaKey leikaKey = blank(leika) ? null : v.check("leika", () -> LeikaKey.of(leika));
        ReuseModel model = blank(reuseModel) ? null
                : v.check("reuseModel", () -> EnumValues.parse(ReuseModel.class, reuseModel));
        String provider = blank(providerId) ? null : v.check("providerId", () -> Slug.of(providerId).value());
        SearchOrder order = blank(sort) ? null : v.check("sort", () -> order(sort));
        PageRequest pageRequest = v.page(page, size);
        v.throwIfAny();
        return new Search(new SearchCriteria(query, field, landCode, leikaKey, model, provider, order), pageRequest);
    }

    public PageRequest toPage(String page, String size) {
        Fields v = new Fields();
        PageRequest pageRequest = v.page(page, size);
        v.throwIfAny();
        return pageRequest;
    }

    private static SearchOrder order(String sort) {
        return switch (sort) {
            case "relevance" -> SearchOrder.RELEVANCE;
            case "name" -> SearchOrder.NAME;
            case "newest" -> SearchOrder.NEWEST;
            default -> throw new InvalidValueException("must be relevance, name or newest");
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
