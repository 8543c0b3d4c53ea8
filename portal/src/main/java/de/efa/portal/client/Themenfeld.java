package de.efa.portal.client;

/** One of the 14 OZG Themenfelder: the code the API speaks and the German name people read. */
public record Themenfeld(String code, String name) {
}
