package de.efa.platform.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.TreeSet;

/**
 * Says at start which required secrets were given (their names, never their values). Its injection point is also what
 * makes Quarkus read {@link RequiredSecrets} at start at all: a mapping nothing injects is not filled, and its missing
 * secrets would go unnoticed.
 */
@ApplicationScoped
public class RequiredSecretsReport {

    private static final Logger LOG = Logger.getLogger(RequiredSecretsReport.class);

    private final RequiredSecrets secrets;

    public RequiredSecretsReport(RequiredSecrets secrets) {
        this.secrets = secrets;
    }

    void report(@Observes StartupEvent startup) {
        if (!secrets.values().isEmpty()) {
            LOG.infof("Required secrets given: %s", String.join(", ", new TreeSet<>(secrets.values().keySet())));
        }
    }
}
