package de.efa.portal;

import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** What a one-click step the service refused answers: the page it was started from, with why nothing happened. */
final class RefusedSteps {

    private RefusedSteps() {
    }

    /**
     * The page under the service's status with its heading, and a notice that starts with what did not happen, says
     * why, and takes the focus (no script needed); returned to check the resource as it is now.
     */
    static Document shownAsItIsNow(Response refused, int status, String heading, String nothingHappened,
                                   String... why) {
        assertThat(refused.statusCode()).isEqualTo(status);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select("h1").text()).as("the page the step was started from").isEqualTo(heading);
        Element notice = page.getElementById("hinweis");
        assertThat(notice).isNotNull();
        assertThat(notice.text()).startsWith(nothingHappened).contains(why);
        assertThat(notice.attr("role")).isEqualTo("alert");
        assertThat(notice.hasAttr("autofocus")).as("the focus starts at what happened").isTrue();
        return page;
    }
}
