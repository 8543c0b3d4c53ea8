package de.efa.bench.fuzz;

import de.efa.bench.client.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {

    private static final String PROBLEM = "{\"type\":\"https://efa.example/problems/invalid\",\"title\":\"Bad Request\","
            + "\"status\":400,\"detail\":\"size must be 1..100\"}";

    @Test
    void aProblemAnswerWithEveryFieldIsFine() {
        assertThat(Verdict.judge(new Answer(400, "application/problem+json;charset=UTF-8", PROBLEM), false)).isNull();
        assertThat(Verdict.judge(new Answer(201, "application/json", "{}"), false)).isNull();
    }

    @Test
    void serverErrorsAndOtherErrorFormatsOffend() {
        assertThat(Verdict.judge(new Answer(500, "application/problem+json", PROBLEM.replace("400", "500")), false))
                .contains("server error 500");
        assertThat(Verdict.judge(new Answer(404, "text/html", "<html>"), false)).contains("not application/problem+json");
        assertThat(Verdict.judge(new Answer(400, "application/problem+json", "{\"title\":\"x\",\"status\":400}"), false))
                .contains("without type");
        assertThat(Verdict.judge(new Answer(415, "application/problem+json", PROBLEM), false))
                .contains("status is 400");
    }

    @Test
    void brokerPathsAnswerOsbErrors() {
        assertThat(Verdict.judge(new Answer(422, "application/json",
                "{\"error\":\"AsyncRequired\",\"description\":\"send accepts_incomplete=true\"}"), true)).isNull();
        assertThat(Verdict.judge(new Answer(410, "application/json", "{}"), true)).isNull();
        assertThat(Verdict.judge(new Answer(400, "application/json", "{}"), true)).contains("without description");
        assertThat(Verdict.judge(new Answer(400, "application/problem+json", PROBLEM), true)).contains("OSB");
    }
}
