package de.efa.portal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Plan;
import de.efa.portal.client.Pricing;
import de.efa.portal.client.Problem;
import de.efa.portal.client.ServiceRequest;
import de.efa.portal.client.ServiceRequest.PlanRequest;
import de.efa.portal.client.Terms;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A provider's service as a form and back. Inputs are named by the API's JSON paths ({@code plans[0].pricing
 * .setupFeeCents}), so each of the catalog's violations lands at its input. Lists are typed one entry per line or
 * comma; amounts in euros, as people think of them; a plan's configuration schema as JSON.
 */
@ApplicationScoped
public class ServiceForm {

    public static final String AVAILABLE_IN = "availableIn";
    public static final String REUSE_MODELS = "reuseModels";
    private static final Pattern LIST_ITEM = Pattern.compile("^(keywords|leikaKeys|languages|availableIn|reuseModels)"
            + "\\[(\\d+)]$");
    private static final String CONTRACT_MODEL = "contract.model";
    private static final String TERMS = "contract.terms.";
    private static final String UPDATABLE = "updatable";
    private static final String EMPTY_SCHEMA = "{\n  \"type\": \"object\",\n  \"properties\": {}\n}";

    private final ObjectMapper json;

    public ServiceForm(ObjectMapper json) {
        this.json = json;
    }

    /** The inputs' values for an existing service. */
    public Values valuesOf(CatalogService service) {
        Map<String, String> values = new HashMap<>();
        values.put("slug", service.slug());
        values.put("name", service.name());
        values.put("summary", service.summary());
        values.put("description", service.description());
        values.put("keywords", joined(service.keywords(), ", "));
        values.put("leikaKeys", joined(service.leikaKeys(), "\n"));
        values.put("ozgId", service.ozgId());
        values.put("themenfeld", service.themenfeld());
        values.put("leadLand", service.leadLand());
        values.put("languages", joined(service.languages(), ", "));
        if (service.accessibility() != null) {
            values.put("accessibility.bitvStatement", service.accessibility().bitvStatement());
            values.put("accessibility.feedbackMechanism", service.accessibility().feedbackMechanism());
        }
        List<Plan> plans = service.plans() == null ? List.of() : service.plans();
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            String at = "plans[" + i + "].";
            values.put(at + "id", plan.id());
            values.put(at + "name", plan.name());
            values.put(at + "description", plan.description());
            values.put(at + "pricing.setupFeeCents", Euro.format(plan.pricing().setupFeeCents()));
            values.put(at + "pricing.annualBaseCents", Euro.format(plan.pricing().annualBaseCents()));
            values.put(at + "pricing.annualPerInhabitantCents", String.valueOf(plan.pricing().annualPerInhabitantCents()));
            values.put(at + "parameters", pretty(plan.parameters()));
            values.put(at + CONTRACT_MODEL, plan.contract().model());
            Terms terms = plan.contract().terms();
            if (terms != null) {
                values.put(at + TERMS + "version", terms.version());
                values.put(at + TERMS + "url", terms.url());
                values.put(at + TERMS + "sha256", terms.sha256());
            }
            if (plan.updatable()) {
                values.put(at + UPDATABLE, "true");
            }
        }
        return new Values(values, list(service.availableIn()), list(service.reuseModels()), Math.max(1, plans.size()));
    }

    /** An empty form with one plan whose schema asks for nothing yet and which needs no contract. */
    public Values empty() {
        return new Values(new HashMap<>(Map.of("languages", "de")), List.of(), List.of(), 0).withOneMorePlan();
    }

    /** The submitted form as the catalog's request; what cannot even be sent (an amount, the JSON) goes to errors. */
    public ServiceRequest request(Values form, FormErrors errors) {
        List<PlanRequest> plans = new ArrayList<>();
        for (int i = 0; i < form.plans(); i++) {
            String at = "plans[" + i + "].";
            if (blank(form.get(at + "id")) && blank(form.get(at + "name"))) {
                continue;
            }
            plans.add(new PlanRequest(text(form.get(at + "id")), text(form.get(at + "name")),
                    text(form.get(at + "description")),
                    new Pricing(euros(form, at + "pricing.setupFeeCents", errors),
                            euros(form, at + "pricing.annualBaseCents", errors),
                            cents(form, at + "pricing.annualPerInhabitantCents", errors)),
                    schema(form, at + "parameters", errors), contract(form, at),
                    "true".equals(form.get(at + UPDATABLE))));
        }
        String bitv = text(form.get("accessibility.bitvStatement"));
        String feedback = text(form.get("accessibility.feedbackMechanism"));
        return new ServiceRequest(text(form.get("slug")), text(form.get("name")), text(form.get("summary")),
                text(form.get("description")), split(form.get("keywords"), "[,\\n]"),
                split(form.get("leikaKeys"), "[,\\s]+"), text(form.get("ozgId")), text(form.get("themenfeld")),
                text(form.get("leadLand")), form.availableIn(), form.reuseModels(),
                split(form.get("languages"), "[,\\s]+"),
                bitv == null && feedback == null ? null : new CatalogService.Accessibility(bitv, feedback), plans);
    }

    /**
     * The catalog's violations at the form's inputs: an entry of a list ({@code leikaKeys[1]}) is reported at the
     * list's input, saying which entry.
     */
    public static FormErrors errorsOf(Problem problem) {
        return FormErrors.of(problem, field -> {
            Matcher item = LIST_ITEM.matcher(field);
            return item.matches() ? item.group(1) : field;
        });
    }

    private static Long euros(Values form, String field, FormErrors errors) {
        return Euro.fromInput(form.get(field), field, errors);
    }

    /**
     * The contract as the provider chose it. Terms typed for a plan without a contract are sent all the same: the
     * catalog refuses them by name, rather than the portal dropping what someone typed.
     */
    private static Plan.Contract contract(Values form, String at) {
        String version = text(form.get(at + TERMS + "version"));
        String url = text(form.get(at + TERMS + "url"));
        String sha256 = text(form.get(at + TERMS + "sha256"));
        Terms terms = version == null && url == null && sha256 == null ? null : new Terms(version, url, sha256);
        return new Plan.Contract(text(form.get(at + CONTRACT_MODEL)), terms);
    }

    private static Long cents(Values form, String field, FormErrors errors) {
        String text = form.get(field);
        if (blank(text)) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            errors.add(field, "Bitte ganze Cent angeben, z. B. 2.");
            return null;
        }
    }

    private JsonNode schema(Values form, String field, FormErrors errors) {
        String text = form.get(field);
        if (blank(text)) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            errors.add(field, "Das ist kein gültiges JSON (Zeile " + e.getLocation().getLineNr() + ", Spalte "
                    + e.getLocation().getColumnNr() + ").");
            return null;
        }
    }

    private String pretty(JsonNode schema) {
        try {
            return schema == null ? EMPTY_SCHEMA : json.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed schema could not be written again", e);
        }
    }

    private static List<String> split(String text, String separators) {
        if (blank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split(separators)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String joined(List<String> items, String separator) {
        return items == null ? "" : String.join(separator, items);
    }

    private static List<String> list(List<String> items) {
        return items == null ? List.of() : items;
    }

    private static String text(String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * What the form holds: single inputs by name, the two checkbox lists, and how many plan blocks it shows.
     */
    public record Values(Map<String, String> inputs, List<String> availableIn, List<String> reuseModels, int plans) {

        public String get(String name) {
            return inputs.get(name);
        }

        /** The indexes of the plan blocks, for the template to loop over. */
        public List<Integer> planIndexes() {
            return IntStream.range(0, plans).boxed().toList();
        }

        public Values withOneMorePlan() {
            Map<String, String> more = new HashMap<>(inputs);
            more.put("plans[" + plans + "].parameters", EMPTY_SCHEMA);
            more.put("plans[" + plans + "]." + CONTRACT_MODEL, Plan.Contract.NONE);
            return new Values(more, availableIn, reuseModels, plans + 1);
        }
    }
}
