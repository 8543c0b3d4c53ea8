package de.efa.bench.fuzz;

import de.efa.bench.client.Answer;
import de.efa.stack.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The offending answers, grouped by service, operation, kind of flaw and offence, so that one missing mapping
 * shows as one line with its count, the callers that met it and one example request and answer.
 */
final class Offenders {

    private final Map<String, Kind> kinds = new TreeMap<>();
    private int count;

    synchronized void add(Service service, FuzzRequest request, String caller, String offence, Answer answer) {
        count++;
        String flawKind = request.flaw().replaceAll(" = .*", "");
        String key = service.displayName() + " " + request.method() + " " + request.operation() + " — " + flawKind
                + " → " + offence;
        kinds.computeIfAbsent(key, k -> new Kind(request, answer)).seen(caller);
    }

    int count() {
        return count;
    }

    List<String> kinds() {
        return kinds.entrySet().stream().map(e -> e.getValue().describe(e.getKey())).toList();
    }

    private static final class Kind {
        private final FuzzRequest example;
        private final Answer answer;
        private final Map<String, Integer> callers = new LinkedHashMap<>();

        Kind(FuzzRequest example, Answer answer) {
            this.example = example;
            this.answer = answer;
        }

        void seen(String caller) {
            callers.merge(caller, 1, Integer::sum);
        }

        String describe(String key) {
            int times = callers.values().stream().mapToInt(Integer::intValue).sum();
            String answered = answer == null ? "" : "; answer: " + answer.abbreviated().replace('\n', ' ');
            return key + " [" + times + "×, as " + String.join(", ", new TreeSet<>(callers.keySet())) + "]"
                    + "\n      e.g. " + example.describe() + answered;
        }
    }
}
