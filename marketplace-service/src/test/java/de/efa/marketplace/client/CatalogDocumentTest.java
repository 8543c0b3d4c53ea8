package de.efa.marketplace.client;

import de.efa.marketplace.domain.BrokerOffering;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker's catalog as this marketplace reads it, and what it then offers for a service. */
class CatalogDocumentTest {

    private static final String CATALOG = """
            {"services":[
              {"id":"listed","name":"listed","instances_retrievable":true,"allow_context_updates":"yes",
               "plan_updateable":false,"plans":[{"id":"big","plan_updateable":true},{"id":"small"}]},
              {"id":"other","name":"other","instances_retrievable":true,"allow_context_updates":true,
               "plan_updateable":true,"unknown":{"nested":1}}]}""";

    @Test
    void aListedServiceAnswersForItselfAndAPlanOutweighsItsService() {
        BrokerOffering offering = CatalogDocument.read(CATALOG).orElseThrow();

        assertThat(offering.instancesRetrievable("listed")).isTrue();
        assertThat(offering.allowsContextUpdates("listed")).as("only a boolean true is an offer").isFalse();
        assertThat(offering.planUpdateable("listed", "big")).isTrue();
        assertThat(offering.planUpdateable("listed", "small")).isFalse();
        assertThat(offering.planUpdateable("listed", "unlisted")).isFalse();
        assertThat(offering.allowsContextUpdates("other")).isTrue();
    }

    /** A broker that takes any service id offers what every one of its services offers. */
    @Test
    void anUnlistedServiceGetsWhatEveryListedServiceOffers() {
        BrokerOffering offering = CatalogDocument.read(CATALOG).orElseThrow();

        assertThat(offering.instancesRetrievable("unlisted")).isTrue();
        assertThat(offering.allowsContextUpdates("unlisted")).isFalse();
        assertThat(offering.planUpdateable("unlisted", "big")).isTrue();
        assertThat(offering.planUpdateable("unlisted", "small")).isFalse();
        assertThat(CatalogDocument.read("{\"services\":[]}").orElseThrow().instancesRetrievable("unlisted")).isFalse();
    }

    @Test
    void whatIsNoCatalogIsNotRead() {
        assertThat(CatalogDocument.read("not json")).isEmpty();
        assertThat(CatalogDocument.read("{\"services\":{}}")).isEmpty();
        assertThat(CatalogDocument.read("{\"services\":[{\"name\":\"without id\"}]}")).isEmpty();
        assertThat(CatalogDocument.read(null)).isEmpty();
    }
}
