package de.efa.demoprovider.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The life of an instance as far as it is decided in Java; the completion worker's part is tested with the database. */
class ServiceInstanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration TAKES = Duration.ofSeconds(1);

    @Test
    void anInstanceBeingProvisionedCannotBeProvisionedAgainOrUpdated() {
        ServiceInstance instance = provisioning();

        assertThat(instance.state()).isEqualTo(InstanceState.PROVISIONING);
        assertThat(instance.isLive()).isFalse();
        assertThatThrownBy(() -> instance.startProvisioning(request("standard"), NOW, TAKES))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> instance.startUpdate(instance.targetOf(update("{\"plan_id\":\"premium\"}")),
                Optional.empty(), NOW, TAKES))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInstanceBelongsToTheBrokerOfItsProviderAlone() {
        ServiceInstance instance = ServiceInstance.unprovisioned(new InstanceId("i-1"), "akdb", NOW);

        assertThat(instance.belongsToBrokerOf("akdb")).isTrue();
        assertThat(instance.belongsToBrokerOf("dataport")).isFalse();
        assertThat(instance.belongsToBrokerOf("AKDB")).isFalse();
        assertThat(instance.belongsToBrokerOf(null)).isFalse();
        ServiceInstance fromBefore = ServiceInstance.unprovisioned(new InstanceId("i-2"), null, NOW);
        assertThat(fromBefore.belongsToBrokerOf("akdb")).isTrue();
        assertThat(fromBefore.belongsToBrokerOf("dataport")).isTrue();
        assertThat(fromBefore.belongsToBrokerOf(null)).isFalse();
    }

    @Test
    void deprovisioningHaltsTheRunningOperationAndCannotStartTwice() {
        ServiceInstance instance = ServiceInstance.unprovisioned(new InstanceId("i-1"), "akdb", NOW);
        InstanceOperation provisioning = instance.startProvisioning(request("standard"), NOW, TAKES);

        InstanceOperation deprovisioning = instance.startDeprovisioning(Optional.of(provisioning), NOW, TAKES);

        assertThat(provisioning.state()).isEqualTo(OperationState.FAILED);
        assertThat(provisioning.description()).isEqualTo("Provisioning was halted because the instance is being"
                + " deprovisioned");
        assertThat(provisioning.instanceUsable()).isEmpty();
        assertThat(instance.currentOperationId()).isEqualTo(deprovisioning.id());
        assertThatThrownBy(() -> instance.startDeprovisioning(Optional.empty(), NOW, TAKES))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRemovalAtTheProviderEndsAtOnceAndOnlyOnce() {
        ServiceInstance instance = provisioning();
        InstanceOperation deprovisioning = instance.startDeprovisioning(Optional.empty(), NOW, TAKES);

        InstanceOperation removal = instance.removeAtProvider(Optional.of(deprovisioning), NOW);

        assertThat(instance.state()).isEqualTo(InstanceState.DELETED);
        assertThat(removal.isRunning()).isFalse();
        assertThat(removal.state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(removal.description()).contains("removed at the provider");
        assertThat(deprovisioning.description()).isEqualTo("Deprovisioning was halted because the instance was"
                + " removed at the provider");
        assertThatThrownBy(() -> instance.removeAtProvider(Optional.empty(), NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUpdateTargetKeepsWhatTheUpdateLeavesOutAndMergesTheContext() {
        ServiceInstance instance = provisioning();

        UpdateTarget contextOnly = instance.targetOf(update("{\"context\":{\"suspended\":true,\"tenant_name\":\"Leipzig\"}}"));
        UpdateTarget planOnly = instance.targetOf(update("{\"plan_id\":\"premium\"}"));

        assertThat(contextOnly.planId()).isEqualTo("standard");
        assertThat(contextOnly.parameters()).isEqualTo(object("{\"postfach\":\"a@b.de\"}"));
        assertThat(contextOnly.context()).isEqualTo(object("{\"ags\":\"14713000\",\"tenant_name\":\"Leipzig\"}"));
        assertThat(contextOnly.suspended()).isTrue();
        assertThat(planOnly.planId()).isEqualTo("premium");
        assertThat(planOnly.suspended()).isFalse();
        assertThat(planOnly.context()).isEqualTo(object("{\"ags\":\"14713000\",\"tenant_name\":\"Köln\"}"));
    }

    @Test
    void anUpdateStartsWithItsPlannedFailure() {
        UpdateTarget target = new UpdateTarget("premium", object("{}"), object("{}"), false);

        assertThat(UpdateFailure.plannedFor(target, Optional.empty())).isEmpty();
        assertThat(UpdateFailure.plannedFor(target, Optional.of(new FailingUpdates(Optional.empty(), false))))
                .hasValueSatisfying(failure -> {
                    assertThat(failure.instanceUsable()).isFalse();
                    assertThat(failure.description()).contains("cannot be used until another update repairs it");
                });
        assertThat(UpdateFailure.plannedFor(new UpdateTarget("premium-fails", object("{}"), object("{}"), false),
                Optional.empty()))
                .hasValueSatisfying(failure -> assertThat(failure.instanceUsable()).isTrue());
    }

    @Test
    void failingUpdatesOfOneServiceLeaveTheOthersAlone() {
        BrokerBehaviour behaviour = new BrokerBehaviour(0, 0, Duration.ZERO, TAKES,
                Optional.of(new FailingUpdates(Optional.of("s-1"), true)));

        assertThat(behaviour.failingUpdatesOf("s-1")).isPresent();
        assertThat(behaviour.failingUpdatesOf("s-2")).isEmpty();
    }

    @Test
    void anUpdateRequestIsCheckedFieldByField() {
        assertThatThrownBy(() -> InstanceUpdate.of(null, "", JSON.valueToTree("ctx"), JSON.valueToTree(1)))
                .isInstanceOfSatisfying(InvalidRequestException.class, invalid ->
                        assertThat(invalid.violations()).extracting(Violation::field)
                                .containsExactly("service_id", "plan_id", "parameters", "context"));
        assertThatThrownBy(() -> InstanceUpdate.of("s", null, object("{\"suspended\":\"yes\"}"), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, invalid ->
                        assertThat(invalid.violations()).extracting(Violation::field)
                                .containsExactly("context.suspended"));

        InstanceUpdate update = InstanceUpdate.of("s", null, object("{\"suspended\":false,\"ags\":\"1\"}"), null);
        assertThat(update.planId()).isEmpty();
        assertThat(update.parameters()).isEmpty();
        assertThat(update.suspended()).contains(false);
        assertThat(update.context()).isEqualTo(object("{\"ags\":\"1\"}"));
    }

    private static ServiceInstance provisioning() {
        ServiceInstance instance = ServiceInstance.unprovisioned(new InstanceId("i-1"), "akdb", NOW);
        instance.startProvisioning(request("standard"), NOW, TAKES);
        return instance;
    }

    private static InstanceRequest request(String plan) {
        return InstanceRequest.of("s", plan, object("{\"ags\":\"14713000\",\"tenant_name\":\"Köln\"}"),
                object("{\"postfach\":\"a@b.de\"}"));
    }

    private static InstanceUpdate update(String json) {
        ObjectNode body = object(json);
        return InstanceUpdate.of("s", body.path("plan_id").textValue(), body.get("context"), body.get("parameters"));
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
