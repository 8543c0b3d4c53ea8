package de.efa.tenant.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Plays the catalog-service: publishes services to {@code efa.catalog.services.v1} exactly as docs/events.md
 * describes them (the full service with its plans and the provider's brokerUrl, CloudEvents headers), and waits
 * until the tenant-service's local copy has them.
 */
public final class CatalogTopic {

    public static final String TOPIC = "efa.catalog.services.v1";

    /**
     * The plan every test service has: a Zuständigkeit and a Postfach address are required; an Aktenzeichen may be
     * given, whose pattern the catalog publishes (1,001 pieces) but which is costly to check against a long value;
     * an e-mail address for notices and an endpoint may be given, in the formats the provider declares.
     */
    public static final Map<String, Object> STANDARD_SCHEMA = Map.of(
            "type", "object",
            "required", List.of("zustaendigkeit", "postfach"),
            "additionalProperties", false,
            "properties", Map.of(
                    "zustaendigkeit", Map.of("type", "object", "required", List.of("behoerde"),
                            "properties", Map.of("behoerde", Map.of("type", "string", "minLength", 3))),
                    "postfach", Map.of("type", "string", "pattern", "^[^@\\s]+@[^@\\s]+$"),
                    "aktenzeichen", Map.of("type", "string", "pattern", "^[A-Z]{2}[0-9A-Z]{1,998}"),
                    "gebuehrenCents", Map.of("type", "array", "items", Map.of("type", "integer", "minimum", 0)),
                    "benachrichtigung", Map.of("type", "string", "format", "email"),
                    "endpunkt", Map.of("type", "string", "format", "uri")));

    public static final Map<String, Object> VALID_PARAMETERS = Map.of(
            "zustaendigkeit", Map.of("behoerde", "Ordnungsamt"),
            "postfach", "ordnungsamt@gemeinde.example");

    /** The plan "komfort" also asks for a telephone number, and takes an e-mail address for notices. */
    public static final Map<String, Object> KOMFORT_SCHEMA = Map.of(
            "type", "object",
            "required", List.of("zustaendigkeit", "postfach", "telefon"),
            "properties", Map.of(
                    "zustaendigkeit", Map.of("type", "object"),
                    "postfach", Map.of("type", "string"),
                    "telefon", Map.of("type", "string", "minLength", 3),
                    "benachrichtigung", Map.of("type", "string", "format", "email")));

    public static final Map<String, Object> KOMFORT_PARAMETERS = Map.of(
            "zustaendigkeit", Map.of("behoerde", "Ordnungsamt"),
            "postfach", "ordnungsamt@gemeinde.example",
            "telefon", "0341 123-0");

    private final KafkaCompanion kafka;
    private final Db db;
    private final ObjectMapper json = new ObjectMapper();

    public CatalogTopic(KafkaCompanion kafka, Db db) {
        this.kafka = kafka;
        this.db = db;
    }

    /** The terms of the plans "terms" and "nachnutzung", at version {@value #TERMS_VERSION} unless published anew. */
    public static final String TERMS_VERSION = "2026-01";

    /**
     * A PUBLISHED service of akdb available in every Land with the plans "standard" (setup 500 €, 1,200 €/year + 2 ct
     * per inhabitant; updatable), "komfort" (2,000 €/year + 3 ct per inhabitant, a telephone number more; updatable),
     * "basic" (100 €/year flat; not updatable), "terms" (contract TERMS) and "nachnutzung" (contract INTEREST, 2,000
     * €/year + 1 ct per inhabitant).
     */
    public UUID publishedService() {
        return publish(UUID.randomUUID(), "PUBLISHED", List.of(), 1);
    }

    /** The same service at a new version whose plan "standard" costs 5 ct per inhabitant instead of 2. */
    public void publishDearer(UUID id, long version) {
        send(UUID.randomUUID().toString(), id, "PUBLISHED", List.of(), version, "Führerschein digital beantragen",
                "akdb", TERMS_VERSION, 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.catalogVersion(id) == version);
    }

    public UUID publish(UUID id, String status, List<String> availableIn, long version) {
        return publish(id, status, availableIn, version, "akdb", TERMS_VERSION);
    }

    /** The same, of another provider or under other terms. */
    public UUID publish(UUID id, String status, List<String> availableIn, long version, String providerId,
                        String termsVersion) {
        send(UUID.randomUUID().toString(), id, status, availableIn, version, "Führerschein digital beantragen",
                providerId, termsVersion, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.catalogVersion(id) == version);
        return id;
    }

    /** Sends a PUBLISHED service with this name and {@code ce_id} as it is, without waiting for the local copy. */
    public void sendPublished(UUID id, long version, String name, String ceId) {
        send(ceId, id, "PUBLISHED", List.of(), version, name, "akdb", TERMS_VERSION, 2);
    }

    private static Map<String, Object> contract(String model, String termsVersion) {
        return Map.of("model", model, "terms", Map.of("version", termsVersion,
                "url", "https://www.akdb.example/nutzungsbedingungen/" + termsVersion + ".html",
                "sha256", "0123456789abcdef".repeat(4)));
    }

    private void send(String ceId, UUID id, String status, List<String> availableIn, long version, String name,
                      String providerId, String termsVersion, long standardPerInhabitantCents) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", id.toString());
        service.put("slug", "fuehrerschein-" + id);
        service.put("name", name);
        service.put("summary", "Antrag auf Erteilung einer Fahrerlaubnis");
        service.put("description", "Online-Antrag für die Fahrerlaubnisbehörde");
        service.put("keywords", List.of("Führerschein", "Fahrerlaubnis"));
        service.put("providerId", providerId);
        service.put("leikaKeys", List.of("99086001001000"));
        service.put("ozgId", "10063");
        service.put("themenfeld", "MOBILITAET_REISEN");
        service.put("leadLand", "09");
        service.put("availableIn", availableIn);
        service.put("reuseModels", List.of("EFA_MARKTPLATZ"));
        service.put("languages", List.of("de"));
        service.put("accessibility", Map.of("bitvStatement", "https://example.org/bitv", "feedbackMechanism", "mailto:a11y@example.org"));
        service.put("plans", List.of(
                Map.of("id", "standard", "name", "Standard", "description", "Mit Postfach",
                        "pricing", Map.of("setupFeeCents", 50_000, "annualBaseCents", 120_000,
                                "annualPerInhabitantCents", standardPerInhabitantCents),
                        "parameters", STANDARD_SCHEMA, "updatable", true),
                Map.of("id", "komfort", "name", "Komfort", "description", "Mit Telefon",
                        "pricing", Map.of("setupFeeCents", 0, "annualBaseCents", 200_000, "annualPerInhabitantCents", 3),
                        "parameters", KOMFORT_SCHEMA, "updatable", true),
                Map.of("id", "basic", "name", "Basis", "description", "Ohne Konfiguration",
                        "pricing", Map.of("setupFeeCents", 0, "annualBaseCents", 10_000, "annualPerInhabitantCents", 0)),
                Map.of("id", "terms", "name", "Mit Nutzungsbedingungen", "description", "Betrieb nach AGB",
                        "pricing", Map.of("setupFeeCents", 0, "annualBaseCents", 30_000, "annualPerInhabitantCents", 1),
                        "contract", contract("TERMS", termsVersion), "updatable", false),
                Map.of("id", "nachnutzung", "name", "Nachnutzung", "description", "Nach Interessenbekundung",
                        "pricing", Map.of("setupFeeCents", 100_000, "annualBaseCents", 200_000,
                                "annualPerInhabitantCents", 1),
                        "contract", contract("INTEREST", termsVersion))));
        service.put("status", status);
        service.put("version", version);
        service.put("createdAt", Instant.now().toString());
        service.put("updatedAt", Instant.now().toString());
        service.put("brokerUrl", "http://localhost:8090");
        service.put("futureField", "tolerant readers ignore this");
        String type = "DRAFT".equals(status) ? "de.efa.service.created.v1" : "de.efa.service." + status.toLowerCase() + ".v1";
        try {
            RecordHeaders headers = new RecordHeaders();
            header(headers, "ce_specversion", "1.0");
            header(headers, "ce_id", ceId);
            header(headers, "ce_source", "/efa/catalog-service");
            header(headers, "ce_type", type);
            header(headers, "ce_time", Instant.now().toString());
            header(headers, "ce_subject", id.toString());
            header(headers, "content-type", "application/json");
            kafka.produceStrings().fromRecords(new ProducerRecord<>(TOPIC, null, id.toString(),
                    json.writeValueAsString(service), headers)).awaitCompletion();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
