package de.efa.portal.client;

/** A tenant's invoice identity as a whole: a field left empty is cleared. */
public record InvoiceAddress(String ars, String leitwegId) {
}
