package de.efa.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * The secrets a service cannot run without in production, checked before anything starts.
 *
 * <p>Each entry is {@code efa.required-secrets.<ENVIRONMENT_VARIABLE>=${<property>}}, declared in the production
 * profile only: the platform's defaults declare the database password every service has, a service adds its own
 * (the marketplace-service its OIDC client secret). Quarkus fills this mapping while it reads its configuration, before
 * the first connection, migration or Kafka client: a secret that is missing or empty leaves its expression unexpanded,
 * and the start stops with "Could not expand value &lt;property&gt; in property
 * efa.required-secrets.&lt;ENVIRONMENT_VARIABLE&gt;", which names both what is missing and where to set it. A check in
 * the secret's own property ({@code quarkus.datasource.password=${QUARKUS_DATASOURCE_PASSWORD}}) would not do: an
 * optional setting whose expression cannot be expanded is simply absent, and the service would try to log in
 * without it.
 */
@ConfigMapping(prefix = "efa.required-secrets")
public interface RequiredSecrets {

    /** The required secrets' values by the environment variable that sets them. */
    @WithParentName
    Map<String, String> values();
}
