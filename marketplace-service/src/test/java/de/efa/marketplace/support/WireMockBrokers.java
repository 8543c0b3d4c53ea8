package de.efa.marketplace.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        warmUp();
        return Map.of("quarkus.oidc-client.auth-server-url", server.baseUrl() + REALM_PATH);
    }

    /** The first requests to a cold server are slow; a loaded test machine must not see them as broker timeouts. */
    private void warmUp() {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            try {
                client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/__admin/mappings")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new IllegalStateException("WireMock does not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
