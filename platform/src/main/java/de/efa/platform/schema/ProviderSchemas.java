package de.efa.platform.schema;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Where a service gets the JSON Schemas that providers wrote (plan parameters): draft 2020-12 unless a schema says
 * otherwise, nothing a {@code $ref} names is fetched from the network, regular expressions run in linear time, and
 * one validation spends a bounded time on them ({@link PatternBudget}; it throws
 * {@link PatternBudgetExceededException} when a value is too long for its patterns).
 */
public final class ProviderSchemas {

    private ProviderSchemas() {
    }

    public static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .dialectRegistry(PatternKeywords.registry())
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .regularExpressionFactory(LinearTimeRegex.INSTANCE).build()));
    }
}
