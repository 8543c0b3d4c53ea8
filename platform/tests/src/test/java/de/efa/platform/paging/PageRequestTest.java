package de.efa.platform.paging;

import de.efa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void defaults_to_the_first_page_of_20() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(0, 20));
    }

    @Test
    void the_deepest_page_is_the_one_that_ends_at_100000_items() {
        assertThat(PageRequest.parse("1000", "100").offset()).isEqualTo(100_000);
        assertThatThrownBy(() -> PageRequest.parse("1001", "100")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("page"));
        });
    }

    @Test
    void the_largest_integers_are_a_400_not_an_overflow() {
        assertThatThrownBy(() -> PageRequest.parse(String.valueOf(Integer.MAX_VALUE), "100")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.parse("-1", "0")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.violations()).hasSize(2));
    }

    @Test
    void text_that_is_no_whole_number_or_beyond_an_int_is_a_400_naming_it_and_the_other_is_still_checked() {
        assertThat(PageRequest.parse(" 2 ", "50")).isEqualTo(new PageRequest(2, 50));
        assertThat(PageRequest.parse("", null)).isEqualTo(new PageRequest(0, 20));
        assertThatThrownBy(() -> PageRequest.parse("3000000000", "10")).isInstanceOfSatisfying(
                ProblemException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field() + " " + v.message()).isEqualTo("page is out of range")));
        assertThatThrownBy(() -> PageRequest.parse("zwei", "1000")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("page", "size"));
        // A size that cannot be read does not make a page that would be fine with any valid size too deep.
        assertThatThrownBy(() -> PageRequest.parse("6000", "abc")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("size"));
        assertThatThrownBy(() -> PageRequest.parse("1e3", "٣")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.violations()).extracting(v -> v.message())
                        .containsOnly("must be a whole number"));
    }
}
