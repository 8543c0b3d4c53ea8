package de.efa.catalog.service.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.catalog.api.ProviderRequest;
import de.efa.catalog.api.ServiceRequest;
import de.efa.catalog.api.ServiceRequest.ContractRequest;
import de.efa.catalog.api.ServiceRequest.PlanRequest;
import de.efa.catalog.api.ServiceRequest.TermsRequest;
import de.efa.catalog.config.DemoDataConfig;
import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.LandCode;
import de.efa.catalog.domain.LifecycleStep;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.domain.ServiceStatus;
import de.efa.catalog.domain.Themenfeld;
import de.efa.catalog.mapping.ProviderMapper;
import de.efa.catalog.mapping.ProviderMapper.Registration;
import de.efa.catalog.mapping.ServiceMapper;
import de.efa.catalog.service.CatalogService;
import de.efa.catalog.service.ProviderService;
import de.efa.catalog.service.demo.DemoCatalogFile.DemoPlan;
import de.efa.catalog.service.demo.DemoCatalogFile.DemoService;
import de.efa.catalog.service.demo.DemoCatalogFile.DemoTerms;
import de.efa.platform.security.Caller;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo catalog of the local stack: providers {@code akdb} and {@code dataport} and real EfA services from
 * the OZG catalog, each PUBLISHED with its plans; plans with a contract name terms that the demo provider serves.
 * It goes through the same use cases as the API, so every demo service is validated and published on the catalog
 * topic. Loading again adds only what is missing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String CATALOG = "demo/catalog.json";
    private static final String OZG_SERVICES = "demo/efa-services.csv";

    private final DemoDataConfig config;
    private final ProviderService providers;
    private final CatalogService catalog;
    private final ProviderMapper providerMapper;
    private final ServiceMapper serviceMapper;
    private final ObjectMapper json;

    public DemoData(DemoDataConfig config, ProviderService providers, CatalogService catalog,
                    ProviderMapper providerMapper, ServiceMapper serviceMapper, ObjectMapper json) {
        this.config = config;
        this.providers = providers;
        this.catalog = catalog;
        this.providerMapper = providerMapper;
        this.serviceMapper = serviceMapper;
        this.json = json;
    }

    void onStart(@Observes StartupEvent started) {
        if (config.enabled()) {
            load();
        }
    }

    /** Registers the demo providers and publishes the demo services that are not there yet. */
    public void load() {
        DemoCatalogFile file = readCatalog();
        Map<String, Map<String, String>> ozgServices = Csv.read(OZG_SERVICES).stream()
                .collect(Collectors.toMap(row -> row.get("name"), Function.identity()));
        file.providers().forEach(provider -> register(new ProviderRequest(provider.id(), provider.name(),
                provider.kind(), config.brokerUrl() + "/brokers/" + provider.id())));
        int published = 0;
        for (DemoService service : file.services()) {
            Map<String, String> facts = Optional.ofNullable(ozgServices.get(service.source()))
                    .orElseThrow(() -> new IllegalStateException("demo service '" + service.source() + "' is not in " + OZG_SERVICES));
            if (publish(service.provider(), request(service, facts, file))) {
                published++;
            }
        }
        LOG.infof("demo catalog ready: %d services, %d published now", file.services().size(), published);
    }

    /**
     * Registers the provider, or moves its broker to the demo provider's path for it: data kept from before each
     * provider's broker had a path of its own still names the demo provider's address alone.
     */
    private void register(ProviderRequest request) {
        Registration registration = providerMapper.toRegistration(request);
        Optional<Provider> existing = providers.find(request.id());
        if (existing.isEmpty()) {
            providers.register(registration.id(), registration.definition());
        } else if (!existing.get().brokerUrl().equals(request.brokerUrl())) {
            providers.replace(request.id(), existing.get().version(), registration.definition());
        }
    }

    /** Creates and publishes the service unless it exists; finishes one that a crash left as DRAFT. */
    private boolean publish(String providerId, ServiceRequest request) {
        Caller provider = Caller.provider(providerId);
        Optional<EfaService> existing = catalog.findOwn(provider, request.slug());
        if (existing.isPresent() && existing.get().status() != ServiceStatus.DRAFT) {
            return false;
        }
        EfaService service = existing.orElseGet(() -> catalog.create(provider, serviceMapper.toDefinition(request)));
        catalog.step(provider, service.id(), LifecycleStep.PUBLISH, Optional.empty());
        return true;
    }

    private ServiceRequest request(DemoService service, Map<String, String> facts, DemoCatalogFile file) {
        String themenfeld = Themenfeld.byGermanName(facts.get("themenfeld"))
                .orElseThrow(() -> new IllegalStateException("unknown Themenfeld " + facts.get("themenfeld")))
                .code();
        String leadLand = Arrays.stream(facts.get("federfuehrendes_land").split(";"))
                .map(LandCode::byName).flatMap(Optional::stream).map(LandCode::value).findFirst().orElse(null);
        List<PlanRequest> plans = service.plans().stream().map(id -> plan(id, service, file)).toList();
        return new ServiceRequest(service.slug(), service.name(), service.summary(), service.description(),
                service.keywords(), List.of(facts.get("leika_keys").split(";")), facts.get("ozg_id"), themenfeld,
                leadLand, List.of(), List.of("EFA_MARKTPLATZ", "FIT_STORE"),
                service.languages() == null ? List.of("de") : service.languages(), null, plans);
    }

    private PlanRequest plan(String id, DemoService service, DemoCatalogFile file) {
        DemoPlan plan = Optional.ofNullable(file.plans().get(id))
                .orElseThrow(() -> new IllegalStateException("unknown demo plan " + id));
        ObjectNode parameters = json.createObjectNode().put("type", "object").put("additionalProperties", false);
        plan.required().forEach(parameters.putArray("required")::add);
        ObjectNode properties = parameters.putObject("properties");
        plan.blocks().forEach(block -> properties.set(block, file.parameterBlocks().get(block)));
        return new PlanRequest(id, plan.name(), plan.description(), plan.pricing(), parameters,
                contract(plan, service), plan.updatable());
    }

    /** The plan's contract with the service's terms, which the demo provider serves. */
    private ContractRequest contract(DemoPlan plan, DemoService service) {
        if (plan.contract() == null) {
            return null;
        }
        DemoTerms terms = Optional.ofNullable(service.terms())
                .orElseThrow(() -> new IllegalStateException("demo service " + service.slug() + " offers a plan with "
                        + "a contract but has no terms"));
        String url = config.brokerUrl() + "/nutzungsbedingungen/" + service.slug() + "-" + terms.version() + ".html";
        return new ContractRequest(plan.contract(), new TermsRequest(terms.version(), url, terms.sha256()));
    }

    private DemoCatalogFile readCatalog() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CATALOG);
            }
            return json.readValue(in, DemoCatalogFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + CATALOG, e);
        }
    }
}
