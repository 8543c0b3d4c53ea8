package de.efa.tenant.domain;

/** What kind of local authority a tenant is. */
public enum TenantKind {
    GEMEINDE, STADT, KREISFREIE_STADT, LANDKREIS, VERBANDSGEMEINDE;

    /** A Landkreis is registered under its Kreis key; every other kind may have any Gemeinde number. */
    public void checkKey(Ags ags) {
        if (this == LANDKREIS && !ags.isKreisKey()) {
            throw new IllegalArgumentException("the AGS of a Landkreis ends in 000");
        }
    }
}
