package de.efa.infra.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every overlay in deploy/k8s/overlays renders with the machine's {@code kubectl kustomize}, and every document it
 * renders satisfies the schema of its kind kept in deploy/k8s/schemas, with no field the schema does not know. Offline:
 * the schemas are in the repository (deploy/k8s/schemas/README.md says where they come from). A kind without a schema
 * there fails, so a new kind brings its schema along.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "..", "k8s").toAbsolutePath().normalize();
    private static final Path SCHEMAS = K8S.resolve("schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    /** apiVersion and kind of every kind the overlays may use, and the file of its schema. */
    private static final Map<String, String> SCHEMA_FILES = Map.ofEntries(
            Map.entry("v1/Namespace", "kubernetes/namespace-v1.json"),
            Map.entry("v1/ConfigMap", "kubernetes/configmap-v1.json"),
            Map.entry("v1/Service", "kubernetes/service-v1.json"),
            Map.entry("apps/v1/Deployment", "kubernetes/deployment-apps-v1.json"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    "kubernetes/horizontalpodautoscaler-autoscaling-v2.json"),
            Map.entry("policy/v1/PodDisruptionBudget", "kubernetes/poddisruptionbudget-policy-v1.json"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "kubernetes/networkpolicy-networking-v1.json"),
            Map.entry("networking.k8s.io/v1/Ingress", "kubernetes/ingress-networking-v1.json"),
            Map.entry("kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/kafka_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/kafkanodepool_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/kafkatopic_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", "kafka.strimzi.io/kafkauser_v1.json"),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", "gateway.networking.k8s.io/httproute_v1.json"),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/servicemonitor_v1.json"),
            Map.entry("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/cluster_v1.json"),
            Map.entry("postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/database_v1.json"));

    private final Map<String, Schema> schemas = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> everyOverlayRendersToValidDocuments() throws IOException {
        List<Path> overlays;
        try (Stream<Path> entries = Files.list(K8S.resolve("overlays"))) {
            overlays = entries.filter(dir -> Files.exists(dir.resolve("kustomization.yaml"))).sorted().toList();
        }
        assertThat(overlays).as("overlays in " + K8S).isNotEmpty();
        return overlays.stream().map(overlay -> DynamicTest.dynamicTest(overlay.getFileName().toString(), () -> {
            List<JsonNode> documents = documents(render(overlay));
            assertThat(documents).as("documents rendered from " + overlay).isNotEmpty();
            List<String> problems = new ArrayList<>();
            for (JsonNode document : documents) {
                problems.addAll(validate(document));
                problems.addAll(probesOffTheManagementPort(document));
            }
            assertThat(problems).as("schema violations and probes off the management port in " + overlay).isEmpty();
        }));
    }

    /** A document with a field its kind does not have is refused: the schemas really are strict. */
    @TestFactory
    Stream<DynamicTest> unknownFieldsAndKindsAreRefused() throws IOException {
        ObjectNode deployment = (ObjectNode) JSON.readTree("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"},
                 "spec": {"selector": {}, "template": {"spec": {"containers": [
                   {"name": "x", "image": "x", "resource": {"limits": {"memory": "1Gi"}}}]}}}}""");
        ObjectNode user = (ObjectNode) JSON.readTree("""
                {"apiVersion": "kafka.strimzi.io/v1", "kind": "KafkaUser", "metadata": {"name": "x"},
                 "spec": {"authorization": {"type": "simple", "acls": [
                   {"resource": {"type": "topic", "name": "t"}, "operation": "Read"}]}}}""");
        ObjectNode oldApi = (ObjectNode) JSON.readTree("""
                {"apiVersion": "kafka.strimzi.io/v1beta2", "kind": "KafkaTopic", "metadata": {"name": "x"}}""");
        return Stream.of(
                DynamicTest.dynamicTest("misspelt container field", () ->
                        assertThat(validate(deployment)).singleElement().asString().contains("resource")),
                DynamicTest.dynamicTest("a v1beta2 field in a Strimzi v1 ACL", () ->
                        assertThat(validate(user)).isNotEmpty()),
                DynamicTest.dynamicTest("an API version without a schema", () ->
                        assertThat(validate(oldApi)).singleElement().asString().contains("no schema")));
    }

    /**
     * The Quarkus probes ({@code /q/health/...}) look at the management port: the images serve health there only
     * (deploy/k8s/README.md, "Images"), and a probe on the HTTP port would fail every pod.
     */
    private static List<String> probesOffTheManagementPort(JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (JsonNode container : document.path("spec").path("template").path("spec").path("containers")) {
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                if (get.path("path").asText().startsWith("/q/") && !get.path("port").asText().equals("management")) {
                    problems.add(document.path("metadata").path("name").asText() + "/" + container.path("name").asText()
                            + ": " + probe + " on port " + get.path("port").asText() + ", not on management");
                }
            }
        }
        return problems;
    }

    private List<String> validate(JsonNode document) {
        String name = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        String where = name + " " + document.path("metadata").path("namespace").asText("-") + "/"
                + document.path("metadata").path("name").asText();
        String file = SCHEMA_FILES.get(name);
        if (file == null) {
            return List.of(where + ": no schema in " + SCHEMAS + " for this kind");
        }
        return schemas.computeIfAbsent(file, this::load).validate(document).stream()
                .map(Error::toString).map(error -> where + ": " + error).toList();
    }

    private Schema load(String file) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(SCHEMAS.resolve(file).toFile());
            // The Kubernetes schemas name the meta-schema by a URI no validator resolves; they are draft 4 to 7 alike.
            schema.remove("$schema");
            return REGISTRY.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(Path overlay) throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the Kubernetes overlays (kubectl kustomize): install "
                    + "it (e.g. the Debian package kubernetes-client or kubectl from the Kubernetes apt repository)", e);
        }
        kubectl.getOutputStream().close();
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            fail("kubectl kustomize " + overlay + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = YAML.createParser(yaml)) {
            for (JsonNode document : JSON.readValues(parser, JsonNode.class).readAll()) {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
