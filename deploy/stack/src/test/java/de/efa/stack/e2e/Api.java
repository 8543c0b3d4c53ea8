package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests to one part of the running stack, as a given account. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(Stack stack, Service service, String token) {
        return given().baseUri(stack.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous(Stack stack, Service service) {
        return given().baseUri(stack.url(service)).contentType(ContentType.JSON);
    }
}
