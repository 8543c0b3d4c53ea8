package de.efa.portal.client;

/** Error answers of the catalog-service. */
public class CatalogProblems extends ProblemReader {

    public CatalogProblems() {
        super("Leistungskatalog");
    }
}
