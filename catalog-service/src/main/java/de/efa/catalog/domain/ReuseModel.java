package de.efa.catalog.domain;

/**
 * The legal routes by which another administration may reuse a service (Nachnutzungsmodelle): through a store, a
 * marketplace or a direct contract, as open source, through a municipal representative that contracts for its
 * members (Kommunalvertreter), or by an administrative agreement between public bodies (Verwaltungsvereinbarung).
 */
public enum ReuseModel {
    FIT_STORE, EFA_MARKTPLATZ, DIREKTVERTRAG, OPEN_SOURCE, KOMMUNALVERTRETER, VERWALTUNGSVEREINBARUNG
}
