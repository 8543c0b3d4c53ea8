package de.efa.catalog.domain;

/** The legal routes by which another administration may reuse a service (Nachnutzungsmodelle). */
public enum ReuseModel {
    FIT_STORE, EFA_MARKTPLATZ, DIREKTVERTRAG, OPEN_SOURCE
}
