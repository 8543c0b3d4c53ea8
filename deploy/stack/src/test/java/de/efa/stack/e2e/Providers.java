package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;

import java.util.Map;

import static de.efa.stack.e2e.Api.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** The demo providers, registered by the operator with the demo provider as their broker. */
final class Providers {

    private Providers() {
    }

    /** Registers akdb and dataport unless an earlier test class of the run already did. */
    static void registered(Stack stack, Accounts accounts) {
        for (String provider : new String[] {"akdb", "dataport"}) {
            as(stack, Service.CATALOG, accounts.user("operator"))
                    .body(Map.of("id", provider, "name", "Anbieter " + provider, "kind", "KOMMUNALER_IT_DIENSTLEISTER",
                            "brokerUrl", stack.url(Service.DEMO_PROVIDER)))
                    .post("/api/v1/providers")
                    .then().statusCode(anyOf(is(201), is(409)));
        }
    }
}
