package de.efa.platform.paging;

import de.efa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void defaults_to_the_first_page_of_20() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
    }

    @Test
    void the_deepest_page_is_the_one_that_ends_at_100000_items() {
        assertThat(PageRequest.of(1000, 100).offset()).isEqualTo(100_000);
        assertThatThrownBy(() -> PageRequest.of(1001, 100)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("page"));
        });
    }

    @Test
    void the_largest_integers_are_a_400_not_an_overflow() {
        assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 100)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(-1, 0)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.violations()).hasSize(2));
    }
}
