package de.efa.demoprovider;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that drive operations to their end: each test starts with quick operations and no faults, and
 * leaves the provider as configured for the next test class of the shared boot.
 */
abstract class QuickOperations {

    @Inject
    AgroalDataSource dataSource;

    Rows rows;

    @BeforeEach
    void quickOperations() {
        rows = new Rows(dataSource);
        BrokerCalls.behaveQuickly();
    }

    @AfterEach
    void configuredBehaviour() {
        BrokerCalls.behaveAsConfigured();
    }
}
