package de.efa.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    @Test
    void each_caller_is_named_as_histories_name_it() {
        assertThat(caller(Set.of(Roles.MUNICIPALITY), "14713000", null).describe())
                .isEqualTo("municipality 14713000");
        assertThat(caller(Set.of(Roles.BUNDLER), null, "kisa").describe()).isEqualTo("bundler kisa");
        assertThat(caller(Set.of(Roles.OPERATOR), null, null).describe()).isEqualTo("operator sub-1");
        assertThat(Caller.provider("akdb").describe()).isEqualTo("provider akdb");
    }

    @Test
    void the_acting_role_is_operator_before_any_other_and_none_without_a_role_of_the_marketplace() {
        assertThat(caller(Set.of(Roles.MUNICIPALITY, Roles.OPERATOR), "14713000", null).actingRole())
                .isEqualTo(Roles.OPERATOR);
        assertThat(caller(Set.of(Roles.BUNDLER), null, "kisa").actingRole()).isEqualTo(Roles.BUNDLER);
        assertThat(Caller.provider("akdb").actingRole()).isEqualTo(Roles.PROVIDER);
        assertThat(caller(Set.of("offline_access"), null, null).actingRole()).isEqualTo(Caller.NO_ROLE);
    }

    @Test
    void staff_of_a_municipality_who_work_for_a_bundler_too_can_act_as_the_bundler_alone() {
        Caller both = caller(Set.of(Roles.MUNICIPALITY, Roles.BUNDLER), "14713000", "kisa");

        Caller asBundler = both.asBundler();

        assertThat(both.describe()).isEqualTo("municipality 14713000");
        assertThat(asBundler.describe()).isEqualTo("bundler kisa");
        assertThat(asBundler.actingRole()).isEqualTo(Roles.BUNDLER);
        assertThat(asBundler.isStaffOf("14713000")).isFalse();
        assertThat(asBundler.subject()).isEqualTo(both.subject());
        assertThatThrownBy(() -> caller(Set.of(Roles.MUNICIPALITY), "14713000", "kisa").asBundler())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_claim_scopes_only_the_role_it_belongs_to() {
        Caller staff = caller(Set.of(Roles.MUNICIPALITY), "14713000", null);

        assertThat(staff.isStaffOf("14713000")).isTrue();
        assertThat(staff.isStaffOf("05315000")).isFalse();
        assertThat(caller(Set.of(Roles.OPERATOR), "14713000", null).isStaffOf("14713000")).isFalse();
        assertThat(caller(Set.of(Roles.BUNDLER), null, "kisa").isBundler("kisa")).isTrue();
        assertThat(Caller.anonymous().isOperator()).isFalse();
    }

    private static Caller caller(Set<String> roles, String ags, String bundlerId) {
        return new Caller("sub-1", roles, Optional.ofNullable(ags), Optional.empty(), Optional.ofNullable(bundlerId));
    }
}
