package de.efa.platform.support;

import de.efa.infra.test.KafkaTestResource;
import de.efa.infra.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Real PostgreSQL and Kafka, and Quarkus' OIDC test server, shared by every test of the platform. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class InfrastructureResources {

    private InfrastructureResources() {
    }
}
