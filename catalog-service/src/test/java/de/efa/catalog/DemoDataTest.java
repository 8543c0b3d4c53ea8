package de.efa.catalog;

import de.efa.infra.test.SqlProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.efa.catalog.domain.HttpUrl;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.domain.ProviderDefinition;
import de.efa.catalog.service.ProviderService;
import de.efa.catalog.service.demo.DemoData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static de.efa.catalog.CatalogApi.JSON;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Issue item 6: the demo catalog of the local stack, loaded twice to show it is idempotent. */
@QuarkusTest
class DemoDataTest {

    private static final String LEIPZIG = """
            {"zustaendigeStelle":{"name":"Stadt Leipzig, Ordnungsamt, Fahrerlaubnisbehörde",
                                  "anschrift":{"strasse":"Otto-Schill-Straße 2","plz":"04109","ort":"Leipzig"},
                                  "email":"fahrerlaubnisbehoerde@leipzig.de"},
             "postfach":{"art":"FIT_CONNECT","adresse":"fit-connect:zustellpunkt:14713000-fahrerlaubnis"},
             "ePayment":{"anbieter":"ePayBL","haendlerId":"LEJ-4711"},
             "gebuehren":{"antragsgebuehrCents":4330}}""";

    /** Where the demo provider's static pages are, from this module's directory, in which the tests run. */
    private static final Path TERMS_DOCUMENTS = Path.of("..", "deploy", "demo-provider", "src", "main", "resources",
            "META-INF", "resources", "nutzungsbedingungen");

    @Inject
    DemoData demoData;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProviderService providers;

    @Test
    void realEfaServicesArePublishedWithPlansOnce() throws Exception {
        demoData.load();
        demoData.load();

        JsonNode page = JSON.readTree(given().queryParams("size", "100", "sort", "name")
                .get("/api/v1/services").asString());
        List<JsonNode> demo = stream(page.path("items")).filter(s -> Set.of("akdb", "dataport")
                .contains(s.path("providerId").asText())).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(12);
        assertThat(demo.stream().map(s -> s.path("themenfeld").asText()).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(demo).allSatisfy(service -> {
            assertThat(service.path("status").asText()).isEqualTo("PUBLISHED");
            assertThat(service.path("plans").size()).isPositive();
        });
        Map<String, JsonNode> bySlug = demo.stream().collect(Collectors.toMap(s -> s.path("slug").asText(), s -> s));
        assertThat(bySlug).containsKeys("fuehrerschein-digital-beantragen", "digitaler-bauantrag",
                "aufenthaltstitel-humanitaere-gruende", "sondernutzung-baustelle", "verkehrsrechtliche-anordnung");
        JsonNode fuehrerschein = bySlug.get("fuehrerschein-digital-beantragen");
        assertThat(fuehrerschein.path("ozgId").asText()).isEqualTo("10169");
        assertThat(stream(fuehrerschein.path("leikaKeys")).map(JsonNode::asText)).contains("99023001012000");
        assertThat(fuehrerschein.path("leadLand").asText()).isEqualTo("06");
        assertThat(stream(fuehrerschein.path("plans")).map(p -> p.path("id").asText())).containsExactly("standard", "premium");

        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE provider_id IN ('akdb', 'dataport')"))
                .isEqualTo(demo.size());
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM outbox_event WHERE type = 'de.efa.service.published.v1' "
                + "AND record_key IN (SELECT id::text FROM efa_service WHERE provider_id IN ('akdb', 'dataport'))"))
                .isEqualTo(demo.size());
        given().get("/api/v1/providers/akdb").then().statusCode(200)
                .body("brokerUrl", equalTo("http://localhost:8090/brokers/akdb"));
        given().get("/api/v1/providers/dataport").then().statusCode(200)
                .body("brokerUrl", equalTo("http://localhost:8090/brokers/dataport"));
    }

    /** Demo data kept from before each provider had a broker path of its own gets that path. */
    @Test
    void aDemoProviderWhoseBrokerIsTheDemoProviderAloneMovesToItsOwnPath() {
        demoData.load();
        Provider akdb = providers.get("akdb");
        providers.replace("akdb", akdb.version(), new ProviderDefinition(akdb.name(), akdb.kind(),
                HttpUrl.of("http://localhost:8090")));

        demoData.load();

        given().get("/api/v1/providers/akdb").then().statusCode(200)
                .body("brokerUrl", equalTo("http://localhost:8090/brokers/akdb"));
    }

    @Test
    void aPlanAsksWhatAMunicipalityConfigures() throws Exception {
        demoData.load();
        String id = JSON.readTree(given().queryParams("providerId", "akdb", "q", "Führerschein").get("/api/v1/services")
                .asString()).path("items").get(0).path("id").asText();
        JsonNode standard = JSON.readTree(given().get("/api/v1/services/" + id).asString()).path("plans").get(0);
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(standard.path("parameters"));

        assertThat(schema.validate(JSON.readTree(LEIPZIG))).isEmpty();
        JsonNode withoutOffice = JSON.readTree(LEIPZIG);
        ((ObjectNode) withoutOffice).remove("zustaendigeStelle");
        assertThat(schema.validate(withoutOffice)).isNotEmpty();
        JsonNode unknownPayment = JSON.readTree(LEIPZIG.replace("ePayBL", "Bargeld"));
        assertThat(schema.validate(unknownPayment)).isNotEmpty();
    }

    /**
     * The portal labels a plan's inputs with their titles and a choice's options with the titles of its constants
     * (docs/services.md), so every input of the demo plans has a German one and no choice is a bare enum.
     */
    @Test
    void everyInputOfTheDemoPlansHasATitleAndEveryChoiceTitlesItsValues() throws Exception {
        demoData.load();
        String id = JSON.readTree(given().queryParams("providerId", "akdb", "q", "Führerschein").get("/api/v1/services")
                .asString()).path("items").get(0).path("id").asText();
        JsonNode premium = plan(JSON.readTree(given().get("/api/v1/services/" + id).asString()), "premium");
        Map<String, JsonNode> inputs = new HashMap<>();
        collectInputs(premium.path("parameters"), "parameters", inputs);

        assertThat(inputs).containsKeys("parameters.zustaendigeStelle.anschrift.strasse",
                "parameters.postfach.art", "parameters.fachverfahren.protokoll");
        assertThat(inputs).allSatisfy((path, input) -> {
            assertThat(input.path("title").asText()).as("title of %s", path).isNotBlank();
            assertThat(input.has("enum")).as("%s is a bare enum", path).isFalse();
            assertThat(stream(input.path("oneOf"))).as("choices of %s", path)
                    .allSatisfy(choice -> assertThat(choice.has("const") && choice.hasNonNull("title")).isTrue());
        });
        assertThat(inputs.get("parameters.zustaendigeStelle.anschrift.strasse").path("title").asText())
                .isEqualTo("Straße");
        assertThat(stream(inputs.get("parameters.postfach.art").path("oneOf")).map(c -> c.path("title").asText()))
                .containsExactly("BundID", "FIT-Connect", "OSCI/XTA");
    }

    private static void collectInputs(JsonNode schema, String path, Map<String, JsonNode> inputs) {
        schema.path("properties").fields().forEachRemaining(property -> {
            String at = path + "." + property.getKey();
            inputs.put(at, property.getValue());
            collectInputs(property.getValue(), at, inputs);
        });
    }

    @Test
    void realEfaServicesHavePlansWithTermsAndWithAnInterestWhoseDocumentsMatchTheirDigests() throws Exception {
        demoData.load();
        Map<String, JsonNode> bySlug = new HashMap<>();
        for (String provider : List.of("akdb", "dataport")) {
            stream(JSON.readTree(given().queryParams("size", "100", "providerId", provider)
                    .get("/api/v1/services").asString()).path("items"))
                    .forEach(service -> bySlug.put(service.path("slug").asText(), service));
        }

        assertThat(bySlug.get("wohngeld-beantragen").path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(bySlug.get("digitaler-bauantrag").path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(plan(bySlug.get("wohngeld-beantragen"), "nutzungsbedingungen").path("contract").path("model").asText())
                .isEqualTo("TERMS");
        assertThat(plan(bySlug.get("digitaler-bauantrag"), "nachnutzungsvertrag").path("contract").path("model").asText())
                .isEqualTo("INTEREST");
        assertThat(plan(bySlug.get("wohngeld-beantragen"), "standard").path("contract").path("model").asText())
                .isEqualTo("NONE");
        assertThat(plan(bySlug.get("digitaler-bauantrag"), "standard").path("updatable").asBoolean())
                .as("a municipality may move between standard and premium").isTrue();
        assertThat(plan(bySlug.get("digitaler-bauantrag"), "premium").path("updatable").asBoolean()).isTrue();
        assertThat(plan(bySlug.get("digitaler-bauantrag"), "nachnutzungsvertrag").path("updatable").asBoolean())
                .isFalse();
        List<JsonNode> terms = bySlug.values().stream()
                .flatMap(s -> stream(s.path("plans")))
                .map(p -> p.path("contract").path("terms"))
                .filter(JsonNode::isObject)
                .toList();
        assertThat(terms).hasSizeGreaterThanOrEqualTo(2).allSatisfy(t -> {
            String url = t.path("url").asText();
            assertThat(url).startsWith("http://localhost:8090/nutzungsbedingungen/");
            Path document = TERMS_DOCUMENTS.resolve(url.substring(url.lastIndexOf('/') + 1));
            assertThat(document).as("the demo provider serves %s", url).isRegularFile();
            assertThat(t.path("sha256").asText()).as("SHA-256 of %s", document).isEqualTo(sha256(document));
        });
    }

    private static JsonNode plan(JsonNode service, String id) {
        return stream(service.path("plans")).filter(p -> p.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
