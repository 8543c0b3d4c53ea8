package de.efa.platform.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.path.NodePath;

/**
 * How much matching of patterns one validation may do. RE2's time is linear, but in the compiled program's
 * {@linkplain LinearTimeRegex#size(String) size} times the value's length: about 10 ns per piece and character on a
 * C1-only JVM, and some 50–100 ns per character whatever the pattern. One {@code a{1000}} over a value near the
 * 1 MiB body limit takes ~12 s, and a schema may hold many patterns, so every pattern's work is bounded together:
 * a match costs {@code (size + }{@value #PER_CHARACTER}{@code ) × (characters + 1)}, charged before it runs, and
 * one validation may spend {@value #WORK} (about half a second there). A value that would take more ends the
 * validation with {@link PatternBudgetExceededException}; realistic values (a few thousand characters against
 * patterns of a few hundred pieces) cost a hundredth of it.
 * <p>
 * It lives in the validation's {@link ExecutionContext}, which the library makes anew for each validation and hands
 * to every keyword: no state outlives a validation or crosses threads.
 */
final class PatternBudget {

    static final long WORK = 50_000_000;
    static final long PER_CHARACTER = 10;
    static final String TOGETHER = "are together too long to be checked against their patterns";

    private long left = WORK;

    private PatternBudget() {
    }

    static PatternBudget of(ExecutionContext context) {
        return context.getCollectorContext().computeIfAbsent(PatternBudget.class, key -> new PatternBudget());
    }

    /** What one character costs against the pattern. */
    static long weight(String regex) {
        return LinearTimeRegex.size(regex) + PER_CHARACTER;
    }

    /**
     * Takes {@code weight × characters} from what is left.
     *
     * @throws PatternBudgetExceededException when less is left: naming {@code at} and why when this value alone
     *         would take more than a whole validation may, else naming no value, as the values before it took the
     *         rest and shortening this one may not be what helps
     */
    void charge(long weight, long characters, NodePath at, String reason) {
        long work = weight * characters;
        if (work > WORK) {
            throw new PatternBudgetExceededException(at, reason);
        }
        if (work > left) {
            throw new PatternBudgetExceededException(null, TOGETHER);
        }
        left -= work;
    }
}
