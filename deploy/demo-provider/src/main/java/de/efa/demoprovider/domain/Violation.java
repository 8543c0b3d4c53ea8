package de.efa.demoprovider.domain;

/** One invalid field of a request, named as the caller wrote it, and why it is invalid. */
public record Violation(String field, String message) {
}
