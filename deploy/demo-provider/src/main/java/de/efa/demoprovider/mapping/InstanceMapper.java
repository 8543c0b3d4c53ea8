package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.demoprovider.config.DemoProviderConfig;
import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.InstanceRequest;
import de.efa.demoprovider.domain.InstanceUpdate;
import de.efa.demoprovider.domain.Page;
import de.efa.demoprovider.domain.ServiceInstance;
import de.efa.demoprovider.service.LastOperation;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Instances and their operations in the shapes of the API; dashboard links point at this provider. */
@ApplicationScoped
public class InstanceMapper {

    private final String dashboardBase;

    public InstanceMapper(DemoProviderConfig config) {
        this.dashboardBase = config.publicUrl().toString().replaceAll("/+$", "") + "/dashboard/";
    }

    public String dashboardUrl(InstanceId id) {
        return dashboardBase + URLEncoder.encode(id.value(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    public InstanceRequest toRequest(ProvisionBody body) {
        return body == null
                ? InstanceRequest.of(null, null, null, null)
                : InstanceRequest.of(body.serviceId(), body.planId(), body.context(), body.parameters());
    }

    public InstanceUpdate toUpdate(UpdateBody body) {
        return body == null
                ? InstanceUpdate.of(null, null, null, null)
                : InstanceUpdate.of(body.serviceId(), body.planId(), body.context(), body.parameters());
    }

    public LastOperationAnswer toAnswer(LastOperation operation) {
        return new LastOperationAnswer(operation.state().osbName(), operation.description(),
                operation.instanceUsable().orElse(null));
    }

    public FetchedInstance toFetched(ServiceInstance instance) {
        InstanceRequest request = instance.request();
        return new FetchedInstance(request.serviceId(), request.planId(), dashboardUrl(instance.id()),
                request.parameters(), instance.isSuspended());
    }

    public InstanceView toView(ServiceInstance instance) {
        InstanceRequest request = instance.request();
        return new InstanceView(instance.id().value(), instance.providerId().orElse(null), request.serviceId(),
                request.planId(), instance.state(), request.context(), request.parameters(), instance.isSuspended(),
                dashboardUrl(instance.id()), instance.createdAt(), instance.updatedAt());
    }

    public InstancePage toPage(Page<ServiceInstance> page) {
        Page<InstanceView> views = page.map(this::toView);
        return new InstancePage(views.items(), views.page(), views.size(), views.total());
    }

    public DashboardView toDashboard(ServiceInstance instance) {
        InstanceRequest request = instance.request();
        ObjectNode context = request.context();
        return new DashboardView(instance.id().value(), request.serviceId(), request.planId(),
                instance.state().name(), context.path("tenant_name").asText("—"), context.path("ags").asText("—"),
                context.path("land").asText("—"), instance.createdAt());
    }
}
