package de.efa.platform.schema;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Where a service gets the JSON Schemas that providers wrote (plan parameters): draft 2020-12 unless a schema says
 * otherwise, nothing a {@code $ref} names is fetched from the network, and regular expressions run in linear time.
 */
public final class ProviderSchemas {

    private ProviderSchemas() {
    }

    public static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .regularExpressionFactory(LinearTimeRegex.INSTANCE).build()));
    }
}
