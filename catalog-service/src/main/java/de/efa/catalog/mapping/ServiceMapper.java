package de.efa.catalog.mapping;

import de.efa.catalog.api.ServiceRequest;
import de.efa.catalog.api.ServiceRequest.ContractRequest;
import de.efa.catalog.api.ServiceRequest.PlanRequest;
import de.efa.catalog.api.ServiceRequest.TermsRequest;
import de.efa.catalog.api.ServiceView;
import de.efa.catalog.domain.Accessibility;
import de.efa.catalog.domain.Cents;
import de.efa.catalog.domain.Contract;
import de.efa.catalog.domain.ContractModel;
import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.EnumValues;
import de.efa.catalog.domain.HttpUrl;
import de.efa.catalog.domain.LandCode;
import de.efa.catalog.domain.LanguageCode;
import de.efa.catalog.domain.LeikaKey;
import de.efa.catalog.domain.OzgId;
import de.efa.catalog.domain.ParameterSchema;
import de.efa.catalog.domain.Plan;
import de.efa.catalog.domain.Pricing;
import de.efa.catalog.domain.ReuseModel;
import de.efa.catalog.domain.ServiceDefinition;
import de.efa.catalog.domain.Sha256;
import de.efa.catalog.domain.Slug;
import de.efa.catalog.domain.Terms;
import de.efa.catalog.domain.TermsUrl;
import de.efa.catalog.domain.TermsVersion;
import de.efa.catalog.domain.Text;
import de.efa.catalog.domain.Themenfeld;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Service requests into checked definitions (every violation at once), services into their API form. */
@ApplicationScoped
public class ServiceMapper {

    private static final int MAX_KEYWORDS = 30;

    public ServiceDefinition toDefinition(ServiceRequest request) {
        Fields.requireBody(request, "a service");
        Fields v = new Fields();
        Slug slug = v.check("slug", () -> Slug.of(request.slug()));
        String name = v.check("name", () -> Text.required(request.name(), 200));
        String summary = v.check("summary", () -> Text.required(request.summary(), 500));
        String description = v.check("description", () -> Text.optional(request.description(), 10_000));
        List<String> keywords = v.eachOf("keywords", request.keywords(), keyword -> Text.required(keyword, 100));
        if (keywords.size() > MAX_KEYWORDS) {
            v.add("keywords", "must be at most " + MAX_KEYWORDS + " keywords");
        }
        List<LeikaKey> leikaKeys = v.eachOf("leikaKeys", request.leikaKeys(), LeikaKey::of);
        if (request.leikaKeys() == null || request.leikaKeys().isEmpty()) {
            v.add("leikaKeys", "must name at least one LeiKa key");
        }
        OzgId ozgId = request.ozgId() == null ? null : v.check("ozgId", () -> OzgId.of(request.ozgId()));
        Themenfeld themenfeld = v.check("themenfeld", () -> Themenfeld.ofCode(request.themenfeld()));
        LandCode leadLand = request.leadLand() == null ? null : v.check("leadLand", () -> LandCode.of(request.leadLand()));
        List<LandCode> availableIn = v.eachOf("availableIn", request.availableIn(), LandCode::of);
        List<ReuseModel> reuseModels = v.eachOf("reuseModels", request.reuseModels(),
                model -> EnumValues.parse(ReuseModel.class, model));
        List<LanguageCode> languages = v.eachOf("languages", request.languages(), LanguageCode::of);
        Accessibility accessibility = accessibility(request.accessibility(), v);
        List<Plan> plans = plans(request.plans(), v);
        v.throwIfAny();
        return new ServiceDefinition(slug, name, summary, description, keywords, leikaKeys, ozgId, themenfeld,
                leadLand, availableIn, reuseModels, languages.isEmpty() ? List.of(LanguageCode.of("de")) : languages,
                accessibility, plans);
    }

    public ServiceView toView(EfaService service) {
        return new ServiceView(service.id(), service.slug(), service.name(), service.summary(), service.description(),
                service.keywords(), service.providerId(), service.leikaKeys(), service.ozgId(), service.themenfeld(),
                service.leadLand(), service.availableIn(), service.reuseModels(), service.languages(),
                service.accessibility().orElse(null), service.plansJson(), service.status().name(), service.version(),
                service.createdAt(), service.updatedAt());
    }

    private static Accessibility accessibility(Accessibility given, Fields v) {
        if (given == null) {
            return null;
        }
        String statement = given.bitvStatement() == null ? null
                : v.check("accessibility.bitvStatement", () -> HttpUrl.of(given.bitvStatement()).value());
        String feedback = v.check("accessibility.feedbackMechanism", () -> Text.optional(given.feedbackMechanism(), 500));
        return new Accessibility(statement, feedback);
    }

    private static List<Plan> plans(List<PlanRequest> requested, Fields v) {
        List<Plan> plans = new ArrayList<>();
        if (requested == null) {
            return plans;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String at = "plans[" + i + "]";
            PlanRequest plan = requested.get(i);
            if (plan == null) {
                v.add(at, "must be a plan");
                continue;
            }
            Slug id = v.check(at + ".id", () -> Slug.of(plan.id()));
            if (id != null && !ids.add(id.value())) {
                v.add(at + ".id", "is used by another plan of this service");
            }
            String name = v.check(at + ".name", () -> Text.required(plan.name(), 200));
            String description = v.check(at + ".description", () -> Text.optional(plan.description(), 2000));
            Pricing pricing = pricing(plan.pricing(), at + ".pricing", v);
            var parameters = v.check(at + ".parameters", () -> ParameterSchema.of(plan.parameters()));
            Contract contract = contract(plan.contract(), at + ".contract", v);
            if (id != null && name != null && pricing != null && parameters != null && contract != null) {
                plans.add(new Plan(id.value(), name, description, pricing, parameters, contract,
                        Boolean.TRUE.equals(plan.updatable())));
            }
        }
        return plans;
    }

    /** A plan of version 1 has no contract, which means NONE. */
    private static Contract contract(ContractRequest contract, String at, Fields v) {
        if (contract == null) {
            return Contract.NONE;
        }
        ContractModel model = v.check(at + ".model", () -> EnumValues.parse(ContractModel.class, contract.model()));
        TermsRequest requested = contract.terms();
        boolean fits = model != null && v.check(at + ".terms", () -> model.requireTerms(requested != null)) != null;
        // Terms where none belong are refused as such; what they say does not matter then.
        Terms terms = requested == null || model == ContractModel.NONE ? null : terms(requested, at + ".terms", v);
        if (!fits || requested != null && terms == null) {
            return null;
        }
        return new Contract(model, terms);
    }

    private static Terms terms(TermsRequest terms, String at, Fields v) {
        TermsVersion version = v.check(at + ".version", () -> TermsVersion.of(terms.version()));
        TermsUrl url = v.check(at + ".url", () -> TermsUrl.of(terms.url()));
        Sha256 sha256 = v.check(at + ".sha256", () -> Sha256.of(terms.sha256()));
        if (version == null || url == null || sha256 == null) {
            return null;
        }
        return new Terms(version, url, sha256);
    }

    private static Pricing pricing(ServiceRequest.PricingRequest pricing, String at, Fields v) {
        if (pricing == null) {
            v.add(at, "is required");
            return null;
        }
        Long setup = v.check(at + ".setupFeeCents", () -> Cents.of(pricing.setupFeeCents()));
        Long base = v.check(at + ".annualBaseCents", () -> Cents.of(pricing.annualBaseCents()));
        Long perInhabitant = v.check(at + ".annualPerInhabitantCents", () -> Cents.of(pricing.annualPerInhabitantCents()));
        if (setup == null || base == null || perInhabitant == null) {
            return null;
        }
        return new Pricing(setup, base, perInhabitant);
    }
}
