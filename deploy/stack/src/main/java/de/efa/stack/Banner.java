package de.efa.stack;

import de.efa.infra.kafka.KafkaUser;

/** What a new user needs once the stack is up: where each part listens and how to log in. */
final class Banner {

    private Banner() {
    }

    static String of(Stack stack) {
        StackConfig config = stack.config();
        StringBuilder text = new StringBuilder("\nEfA Marketplace local stack is ready.\n\n");
        for (Service service : Service.values()) {
            String what = service == Service.PORTAL ? "web portal: log in as a demo user below"
                    : "API docs: " + config.url(service) + "/q/swagger-ui";
            text.append(String.format("  %-20s %s   (%s)%n", service.displayName(), config.url(service), what));
        }
        text.append(String.format("  %-20s %s   (admin console: http://localhost:%d/admin, admin/admin)%n",
                "Keycloak realm", stack.realmUrl(), config.keycloakPort()));
        text.append(String.format("  %-20s %s%s%n", "Kafka", stack.kafkaBootstrapServers(), config.kafkaUser()
                .map(user -> "   (SASL_PLAINTEXT, " + KafkaUser.MECHANISM.mechanismName() + ": " + user.name() + " / "
                        + user.password() + ")")
                .orElse("")));
        text.append(String.format("  %-20s jdbc:postgresql://localhost:%d/<catalog|tenant|marketplace|demoprovider>"
                + " (user postgres)%n", "PostgreSQL", config.postgresPort()));
        text.append("""

                Demo accounts (token endpoint: %s/protocol/openid-connect/token)
                  users via the public client efa-portal (password grant):
                    leipzig / leipzig     municipality, ags=14713000 (ACTIVE tenant)
                    koeln / koeln         municipality, ags=05315000 (ACTIVE tenant)
                    halle / halle         municipality, ags=15002000 (not registered yet)
                    operator / operator   operator
                    akdb-redaktion / akdb-redaktion   provider staff, provider_id=akdb
                    kisa / kisa           bundler, bundler_id=kisa (mandates of Bad Lausick, Belgershain, Bennewitz)
                  clients (client credentials):
                    provider-akdb / akdb-secret            provider, provider_id=akdb
                    provider-dataport / dataport-secret    provider, provider_id=dataport
                    marketplace-service / marketplace-secret   marketplace

                Logs: %s
                Press Ctrl-C to stop everything.
                """.formatted(stack.realmUrl(), config.logDirectory()));
        return text.toString();
    }
}
