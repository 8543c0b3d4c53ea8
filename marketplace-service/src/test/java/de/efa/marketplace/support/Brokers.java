package de.efa.marketplace.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.efa.infra.test.TestTokens;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/** One simulated Open Service Broker, under a base path of its own on the shared WireMock server. */
public final class Brokers {

    public static final String TOKEN = TestTokens.marketplace();

    private final WireMockServer server;
    private final String basePath;

    private Brokers(WireMockServer server, String basePath) {
        this.server = server;
        this.basePath = basePath;
    }

    /**
     * A fresh broker; the token endpoint hands out a token of the marketplace role, valid for a second, so that a test
     * that takes the token endpoint down finds no token of an earlier test still valid.
     */
    public static Brokers fresh(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo(WireMockBrokers.REALM_PATH + "/protocol/openid-connect/token"))
                .willReturn(json(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":1}")));
        return new Brokers(server, "/brokers/" + UUID.randomUUID());
    }

    public String url() {
        return server.baseUrl() + basePath;
    }

    public String instancePath(UUID instanceId) {
        return basePath + "/v2/service_instances/" + instanceId;
    }

    public MappingBuilder provision(UUID instanceId) {
        return put(urlPathEqualTo(instancePath(instanceId)));
    }

    /** The first provisioning of the instance is refused with 400 (the job fails for good), the next one succeeds. */
    public void refuseProvisioningOnce(UUID instanceId) {
        answerOnceThen(this::provision, instanceId, json(400, "{\"description\":\"parameters incomplete\"}"),
                json(201, "{}"));
    }

    /**
     * The first call of this kind to the instance is answered {@code first}, every later one {@code then}; in a
     * scenario of its own, since WireMock's scenarios are shared by every test on the server.
     */
    public void answerOnceThen(Function<UUID, MappingBuilder> call, UUID instanceId, ResponseDefinitionBuilder first,
                               ResponseDefinitionBuilder then) {
        String scenario = "once-" + UUID.randomUUID();
        stub(call.apply(instanceId).inScenario(scenario).whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("answered"));
        stub(call.apply(instanceId).inScenario(scenario).whenScenarioStateIs("answered").willReturn(then));
    }

    /** An update or a context update. */
    public MappingBuilder update(UUID instanceId) {
        return patch(urlPathEqualTo(instancePath(instanceId)));
    }

    /** Fetching the instance. */
    public MappingBuilder fetch(UUID instanceId) {
        return get(urlPathEqualTo(instancePath(instanceId)));
    }

    public MappingBuilder deprovision(UUID instanceId) {
        return delete(urlPathEqualTo(instancePath(instanceId)));
    }

    public MappingBuilder lastOperation(UUID instanceId) {
        return get(urlPathEqualTo(instancePath(instanceId) + "/last_operation"));
    }

    /** The broker's {@code GET /v2/catalog}, listing these services (each a JSON object). */
    public void catalog(String... services) {
        server.stubFor(catalogRead().willReturn(json(200, "{\"services\":[" + String.join(",", services) + "]}")));
    }

    public MappingBuilder catalogRead() {
        return get(urlPathEqualTo(basePath + "/v2/catalog"));
    }

    /** The catalog reads this broker received. */
    public List<LoggedRequest> catalogReads() {
        return server.findAll(getRequestedFor(urlPathEqualTo(basePath + "/v2/catalog")));
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    public List<LoggedRequest> requests(String method, UUID instanceId) {
        return server.findAll(anyRequestedFor(urlPathMatching(basePath + "/v2/service_instances/" + instanceId + ".*")))
                .stream().filter(r -> r.getMethod().getName().equals(method)).toList();
    }

    /** Every call to this instance, in the order the broker received them. */
    public List<LoggedRequest> calls(UUID instanceId) {
        return server.findAll(anyRequestedFor(urlPathMatching(instancePath(instanceId) + "(/last_operation)?")));
    }

    public List<LoggedRequest> lastOperationRequests(UUID instanceId) {
        return server.findAll(anyRequestedFor(urlPathEqualTo(instancePath(instanceId) + "/last_operation")));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
