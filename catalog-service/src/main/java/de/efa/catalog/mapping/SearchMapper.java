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
import de.efa.platform.problem.ProblemException;
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
        PageRequest pageRequest = pageRequest(page, size, v);
        v.throwIfAny();
        return new Search(new SearchCriteria(query, field, landCode, leikaKey, model, provider, order), pageRequest);
    }

    public PageRequest toPage(String page, String size) {
        Fields v = new Fields();
        PageRequest pageRequest = pageRequest(page, size, v);
        v.throwIfAny();
        return pageRequest;
    }

    /**
     * A page as the query names it. A value that is no whole number is refused here, so that it is a 400 naming the
     * parameter like every other bad value, not a 404 of the framework; the range is the platform's rule, checked
     * for the other parameter too when one is no number (standing in for it with the smallest valid value).
     */
    private static PageRequest pageRequest(String page, String size, Fields v) {
        Integer pageNumber = v.check("page", () -> wholeNumber(page));
        Integer pageSize = v.check("size", () -> wholeNumber(size));
        boolean pageRead = blank(page) || pageNumber != null;
        boolean sizeRead = blank(size) || pageSize != null;
        try {
            PageRequest request = PageRequest.of(pageRead ? pageNumber : Integer.valueOf(0),
                    sizeRead ? pageSize : Integer.valueOf(1));
            return pageRead && sizeRead ? request : null;
        } catch (ProblemException outOfRange) {
            v.addAll(outOfRange.violations());
            return null;
        }
    }

    private static Integer wholeNumber(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("must be a whole number");
        }
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
