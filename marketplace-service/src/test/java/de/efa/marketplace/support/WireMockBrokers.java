package de.efa.marketplace.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server for the outside world of this service: the realm's token endpoint (for the OIDC client)
 * and the providers' brokers, each test under a base path of its own ({@link Brokers}).
 */
public class WireMockBrokers implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/efa";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().containerThreads(40));
        server.start();
        return Map.of("quarkus.oidc-client.auth-server-url", server.baseUrl() + REALM_PATH);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
