package de.efa.marketplace;

import de.efa.infra.test.KafkaTestResource;
import de.efa.infra.test.PostgresTestResource;
import de.efa.marketplace.support.WireMockBrokers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real infrastructure every test of this service shares: started once per test run. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(WireMockBrokers.class)
public final class InfrastructureResources {

    private InfrastructureResources() {
    }
}
