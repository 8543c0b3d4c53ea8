package de.efa.tenant.support;

import java.util.concurrent.atomic.AtomicInteger;

/** AGS values no other test uses, so that tests share one database without stepping on each other. */
public final class TestAgs {

    private static final AtomicInteger NEXT = new AtomicInteger(100_001);

    private TestAgs() {
    }

    /** A Gemeinde key in Sachsen (Land 14). */
    public static String fresh() {
        return fresh("14");
    }

    public static String fresh(String land) {
        return land + NEXT.getAndIncrement();
    }
}
