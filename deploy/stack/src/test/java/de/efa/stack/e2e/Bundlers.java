package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;

import java.util.Map;

import static de.efa.stack.e2e.Api.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** The bundler KISA, whose staff the realm's demo user kisa is, registered by the operator. */
final class Bundlers {

    private Bundlers() {
    }

    /** Registers kisa unless an earlier test class of the run already did: the test classes share one stack. */
    static void kisaRegistered(Stack stack, Accounts accounts) {
        as(stack, Service.TENANT, accounts.user("operator"))
                .body(Map.of("id", "kisa", "name", "KISA – Zweckverband Kommunale Informationsverarbeitung Sachsen",
                        "contactEmail", "service@kisa.example"))
                .post("/api/v1/bundlers").then().statusCode(anyOf(is(201), is(409)));
    }
}
