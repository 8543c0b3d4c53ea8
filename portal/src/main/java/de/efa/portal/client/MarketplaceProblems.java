package de.efa.portal.client;

/** Error answers of the marketplace-service. */
public class MarketplaceProblems extends ProblemReader {

    public MarketplaceProblems() {
        super("Bereitstellung");
    }
}
