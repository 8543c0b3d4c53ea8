package de.efa.catalog.mapping;

import de.efa.catalog.api.ProviderRequest;
import de.efa.catalog.api.ProviderView;
import de.efa.catalog.domain.EnumValues;
import de.efa.catalog.domain.HttpUrl;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.domain.ProviderDefinition;
import de.efa.catalog.domain.ProviderKind;
import de.efa.catalog.domain.Slug;
import de.efa.catalog.domain.Text;
import jakarta.enterprise.context.ApplicationScoped;

/** Provider requests into checked definitions, providers into their API form. */
@ApplicationScoped
public class ProviderMapper {

    public record Registration(Slug id, ProviderDefinition definition) {
    }

    public Registration toRegistration(ProviderRequest request) {
        Fields.requireBody(request, "a provider");
        Fields v = new Fields();
        Slug id = v.check("id", () -> Slug.of(request.id()));
        ProviderDefinition definition = definition(request, v);
        v.throwIfAny();
        return new Registration(id, definition);
    }

    /** The new content of provider {@code id}; its id is fixed, so a body may only repeat it. */
    public ProviderDefinition toDefinition(String id, ProviderRequest request) {
        Fields.requireBody(request, "a provider");
        Fields v = new Fields();
        if (request.id() != null && !request.id().equals(id)) {
            v.add("id", "cannot change; it is '" + id + "'");
        }
        ProviderDefinition definition = definition(request, v);
        v.throwIfAny();
        return definition;
    }

    public ProviderView toView(Provider provider) {
        return new ProviderView(provider.id(), provider.name(), provider.kind().name(), provider.brokerUrl(),
                provider.version(), provider.createdAt(), provider.updatedAt());
    }

    private static ProviderDefinition definition(ProviderRequest request, Fields v) {
        String name = v.check("name", () -> Text.required(request.name(), 200));
        ProviderKind kind = v.check("kind", () -> EnumValues.parse(ProviderKind.class, request.kind()));
        HttpUrl brokerUrl = v.check("brokerUrl", () -> HttpUrl.of(request.brokerUrl()));
        return new ProviderDefinition(name, kind, brokerUrl);
    }
}
