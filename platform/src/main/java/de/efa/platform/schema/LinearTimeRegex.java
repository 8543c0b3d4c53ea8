package de.efa.platform.schema;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The regular expressions of providers' JSON Schemas ({@code pattern}, {@code patternProperties}, {@code format:
 * regex}), run by RE2 in time linear in the input and without recursion. The JDK's backtracking engine overflows its
 * stack on {@code ^(a|aa)+$} against 5,000 characters and takes exponential time on other patterns; a municipality's
 * configuration must never be able to do either to a service. RE2 has no lookaround and no backreferences: a
 * pattern that uses them is refused when the provider publishes it.
 * <p>
 * Linear time is only as fast as the compiled pattern is small: RE2 writes out every copy a counted repetition asks
 * for, and each character of a value passes through all of them. It checks each count on its own (at most 1,000),
 * not what nested ones multiply to: {@code ((((a{100}){100}){100}){100})} asks for 10^8 copies, more memory than a
 * service has, and {@code (?:.{1000}){1000}}, 17 characters, for a million, which takes minutes over a long value.
 * Go's RE2 refuses both, with the rule applied here before RE2J compiles anything: the counts of nested
 * repetitions multiply to at most {@value #MAX_COPIES}. RE2J also recurses once per level of nested groups, so they
 * nest at most {@value #MAX_NESTING} deep, far beyond any real pattern and far below a thread's stack.
 * <p>
 * What the whole program costs is its {@link #size(String) size}: every character, class, dot or anchor once, times
 * the counts of the repetitions around it, summed over the pattern, alternatives included. The copies rule alone lets
 * {@code .{1000}.{1000}…} grow with the pattern's length, some 60 bytes of memory per piece and ~10 ns per piece and
 * character of a value; a pattern is at most {@value #MAX_SIZE}, which also bounds what a value of {@code format:
 * regex} may compile to. What matching costs over a value is charged per validation by {@link PatternBudget}.
 */
public final class LinearTimeRegex implements RegularExpressionFactory {

    public static final LinearTimeRegex INSTANCE = new LinearTimeRegex();
    public static final int MAX_COPIES = 1000;
    public static final int MAX_NESTING = 100;
    public static final int MAX_SIZE = 10_000;

    private LinearTimeRegex() {
    }

    /** @throws IllegalArgumentException naming what RE2 cannot compile, or what it should not */
    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = compile(regex);
        // JSON Schema's pattern is not anchored: it matches anywhere in the value unless it says ^…$.
        return value -> pattern.matcher(value).find();
    }

    /** @throws IllegalArgumentException naming what RE2 cannot compile, or what it should not */
    public static Pattern compile(String regex) {
        size(regex);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " (lookaround and backreferences are not supported)",
                    e);
        }
    }

    /**
     * The pieces RE2 writes out for the pattern, at most {@value #MAX_SIZE}: {@code ^[0-9]{5}$} is 7, {@code a{1000}}
     * 1,000, {@code (ab|c){3}} 9.
     *
     * @throws IllegalArgumentException naming the rule that the pattern's repetitions, nesting or size break
     */
    public static long size(String regex) {
        return new Repetitions(regex).requireBounded();
    }

    /**
     * Reads a pattern only as far as copies, size and nesting need: groups, character classes, escapes, quoted text and
     * repetitions. It has to agree with RE2 on the patterns RE2 takes; whatever else it misreads RE2 refuses anyway.
     */
    private static final class Repetitions {

        private static final long NO_ATOM = -1;

        private final String regex;
        private final Deque<Group> open = new ArrayDeque<>();
        private Group group = new Group();

        Repetitions(String regex) {
            this.regex = regex;
        }

        long requireBounded() {
            int at = 0;
            while (at < regex.length()) {
                char c = regex.charAt(at);
                int repeatEnd = c == '{' ? repeatEnd(at) : -1;
                if (c == '\\' && at + 1 < regex.length() && regex.charAt(at + 1) == 'Q') {
                    int end = regex.indexOf("\\E", at + 2);
                    int quotedEnd = end < 0 ? regex.length() : end;
                    // RE2 reads quoted text as literals: a repetition after it repeats its last one only.
                    for (int quoted = at + 2; quoted < quotedEnd; quoted++) {
                        group.atom(1, 1);
                    }
                    at = end < 0 ? regex.length() : end + 2;
                } else if (c == '\\') {
                    group.atom(1, 1);
                    at = afterEscape(at);
                } else if (c == '[') {
                    group.atom(1, 1);
                    at = afterClass(at);
                } else if (c == '(') {
                    open.push(group);
                    if (open.size() > MAX_NESTING) {
                        throw new IllegalArgumentException("nests groups " + open.size()
                                + " levels deep, but at most " + MAX_NESTING + " levels are allowed");
                    }
                    group = new Group();
                    at++;
                } else if (c == ')' && !open.isEmpty()) {
                    Group closed = group;
                    group = open.pop();
                    group.atom(closed.copies(), closed.size());
                    at++;
                } else if (c == '|') {
                    group.alternative();
                    at++;
                } else if (c == '*' || c == '+' || c == '?') {
                    group.repeat(1);
                    at++;
                } else if (repeatEnd > 0) {
                    group.repeat(count(regex.substring(at + 1, repeatEnd - 1)));
                    at = repeatEnd;
                } else {
                    group.atom(1, 1);
                    at++;
                }
            }
            while (!open.isEmpty()) {
                Group unclosed = group;
                group = open.pop();
                group.atom(unclosed.copies(), unclosed.size());
            }
            return group.size();
        }

        /** Past {@code \p{Greek}}, {@code \x{10FFFF}} or a one-character escape. */
        private int afterEscape(int backslash) {
            int next = backslash + 2;
            if (next < regex.length() && regex.charAt(next) == '{' && "pPx".indexOf(regex.charAt(backslash + 1)) >= 0) {
                int close = regex.indexOf('}', next);
                return close < 0 ? regex.length() : close + 1;
            }
            return Math.min(next, regex.length());
        }

        /** Past the class: a {@code ]} right after {@code [} or {@code [^} is a member, {@code [:alpha:]} one item. */
        private int afterClass(int bracket) {
            int at = bracket + 1;
            if (at < regex.length() && regex.charAt(at) == '^') {
                at++;
            }
            boolean first = true;
            while (at < regex.length()) {
                char c = regex.charAt(at);
                if (c == ']' && !first) {
                    return at + 1;
                }
                first = false;
                int named = c == '[' && at + 1 < regex.length() && regex.charAt(at + 1) == ':'
                        ? regex.indexOf(":]", at + 2) : -1;
                if (named >= 0) {
                    at = named + 2;
                } else if (c == '\\') {
                    at = afterEscape(at);
                } else {
                    at++;
                }
            }
            return at;
        }

        /** The index after {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code brace}, or -1 where RE2 reads a literal. */
        private int repeatEnd(int brace) {
            int at = afterNumber(brace + 1);
            if (at < 0) {
                return -1;
            }
            if (at < regex.length() && regex.charAt(at) == ',') {
                at++;
                if (at < regex.length() && regex.charAt(at) != '}') {
                    at = afterNumber(at);
                    if (at < 0) {
                        return -1;
                    }
                }
            }
            return at < regex.length() && regex.charAt(at) == '}' ? at + 1 : -1;
        }

        /** Past the digits at {@code start}, or -1 for none, or for a leading zero, which RE2 reads as a literal. */
        private int afterNumber(int start) {
            int at = start;
            while (at < regex.length() && regex.charAt(at) >= '0' && regex.charAt(at) <= '9') {
                at++;
            }
            if (at == start || at - start > 1 && regex.charAt(start) == '0') {
                return -1;
            }
            return at;
        }

        /**
         * The copies a repetition makes, as Go counts them: its maximum, its minimum when it has none ({@code a{3,}}
         * copies {@code a} three times before a star), and none for {@code {0}}, which RE2 drops with what it repeats.
         */
        private static long count(String repeat) {
            String[] bounds = repeat.split(",", -1);
            String bound = bounds.length == 2 && !bounds[1].isEmpty() ? bounds[1] : bounds[0];
            long copies = bound.length() > 7 ? Long.MAX_VALUE : Long.parseLong(bound);
            return bounds.length == 2 && bounds[1].isEmpty() ? Math.max(copies, 1) : copies;
        }

        /**
         * The most copies along any path of nested repetitions within one group, and those of its latest atom; the
         * pieces of the group's atoms before the latest one, and those of the latest one.
         */
        private static final class Group {

            private long widest = 1;
            private long latest = NO_ATOM;
            private long size;
            private long latestSize;

            void atom(long copies, long pieces) {
                widest = Math.max(widest, latest);
                latest = copies;
                size += latestSize;
                latestSize = pieces;
                requireSmall();
            }

            void alternative() {
                atom(NO_ATOM, 0);
            }

            void repeat(long count) {
                if (latest == NO_ATOM) {
                    return;
                }
                if (count > MAX_COPIES || latest * count > MAX_COPIES) {
                    throw new IllegalArgumentException("repeats too often: the counts of nested repetitions "
                            + "({n}, {n,m}) multiply to at most " + MAX_COPIES);
                }
                latest *= count;
                latestSize *= count;
                requireSmall();
            }

            long copies() {
                return Math.max(widest, latest);
            }

            long size() {
                return size + latestSize;
            }

            /** Checked at every step, so that no sum or product grows past what a long holds. */
            private void requireSmall() {
                if (size() > MAX_SIZE) {
                    throw new IllegalArgumentException("is too large: with its repetitions written out it may have "
                            + "at most " + MAX_SIZE + " pieces (characters, classes, dots)");
                }
            }
        }
    }
}
