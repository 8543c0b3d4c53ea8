package de.efa.tenant.support;

import de.efa.infra.test.TestTokens;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Subscriptions brought where a test needs them, the way the API and the marketplace's results bring them there. */
public final class Subscriptions {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private final OnboardingTopics onboarding;

    public Subscriptions(OnboardingTopics onboarding) {
        this.onboarding = onboarding;
    }

    public static String path(String ags, String id) {
        return "/api/v1/tenants/" + ags + "/subscriptions/" + id;
    }

    /** Subscribed by the municipality to the plan "standard" with valid parameters: REQUESTED. */
    public static String requested(String ags, UUID service) {
        return Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId", service.toString(),
                "planId", "standard", "parameters", CatalogTopic.VALID_PARAMETERS)).statusCode(202)
                .extract().path("id");
    }

    /** The same, provisioned: ACTIVE. */
    public String active(String ags, UUID service) {
        String id = requested(ags, service);
        onboarding.publishResult("provisioned", id, "PROVISION", null);
        awaitStatus(ags, id, "ACTIVE");
        return id;
    }

    public static void awaitStatus(String ags, String id, String status) {
        await().atMost(WAIT).untilAsserted(() -> Api.asOperator().get(path(ags, id)).then()
                .body("status", equalTo(status)));
    }

    /** The subscription's ETag, for If-Match. */
    public static String etag(String ags, String id) {
        return Api.asOperator().get(path(ags, id)).then().statusCode(200).extract().header("ETag");
    }
}
