package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;

import java.util.Map;
import java.util.UUID;

import static de.efa.stack.e2e.Api.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** The demo providers, registered by the operator, each with its broker at the demo provider's path for it. */
final class Providers {

    private Providers() {
    }

    /** Registers akdb and dataport unless an earlier test class of the run already did. */
    static void registered(Stack stack, Accounts accounts) {
        for (String provider : new String[] {"akdb", "dataport"}) {
            as(stack, Service.CATALOG, accounts.user("operator"))
                    .body(Map.of("id", provider, "name", "Anbieter " + provider, "kind", "KOMMUNALER_IT_DIENSTLEISTER",
                            "brokerUrl", stack.url(Service.DEMO_PROVIDER) + "/brokers/" + provider))
                    .post("/api/v1/providers")
                    .then().statusCode(anyOf(is(201), is(409)));
        }
    }

    /** A service of akdb created from {@link ServiceFixture#fuehrerschein} and published; its id. */
    static String publishedByAkdb(Stack stack, Accounts accounts, String slugPrefix) {
        String serviceId = as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .body(ServiceFixture.fuehrerschein(slugPrefix + "-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/services")
                .then().statusCode(201).extract().path("id");
        as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .post("/api/v1/services/" + serviceId + "/publish")
                .then().statusCode(200);
        return serviceId;
    }
}
