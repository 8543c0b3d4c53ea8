package de.efa.marketplace.client;

import de.efa.marketplace.config.ProvisioningConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.util.List;

/**
 * The {@link BrokerUrlPolicy} of this replica's configuration ({@code broker-url-check}, {@code broker-allow-list}),
 * one for every part that judges a broker's URLs. Hosts are looked up by the JDK unless another
 * {@link BrokerUrlPolicy.Resolver} bean is given: the tests give one whose lookups hang.
 */
public class BrokerUrlPolicyProducer {

    @Produces
    @Singleton
    BrokerUrlPolicy policy(ProvisioningConfig config, BrokerUrlPolicy.Resolver resolver) {
        return config.brokerUrlCheck() == ProvisioningConfig.BrokerUrlCheck.STRICT
                ? BrokerUrlPolicy.strict(config.brokerAllowList().orElse(List.of()), resolver,
                        config.lookupTimeout())
                : BrokerUrlPolicy.permissive();
    }

    @Produces
    @DefaultBean
    @Singleton
    BrokerUrlPolicy.Resolver resolver() {
        return InetAddress::getAllByName;
    }
}
