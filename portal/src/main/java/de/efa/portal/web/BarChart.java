package de.efa.portal.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A bar chart drawn on the server as SVG, so that it needs neither a script nor a chart library: the bars with their
 * places in the drawing, and the same figures as text (a summary for the image's description, a table beside it).
 */
public record BarChart(String title, String summary, String valueHeading, List<Bar> bars) {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 64;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    /** One bar: what it stands for, its value and that value as a person reads it; a label is drawn under it. */
    public record Bar(String label, double value, String valueText, boolean labelled) {
    }

    /** A bar with where it is drawn, in the drawing's own units. */
    public record Drawn(Bar bar, long x, long y, long width, long height, long labelX) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int top() {
        return TOP;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    /** The base line of the bars, where the axis of the labels is. */
    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    /** Where the scale's figures end, left of the axis. */
    public int scaleX() {
        return LEFT - 6;
    }

    /** The base line of the top figure of the scale, level with the top of the largest bar. */
    public int scaleTop() {
        return TOP + 10;
    }

    /** The base line of the bars' labels, under the axis. */
    public int labelY() {
        return bottom() + 18;
    }

    /** The top of the scale is the largest bar: its value is written at the scale. */
    public String largestText() {
        return largest().map(Bar::valueText).orElse("–");
    }

    public List<Drawn> drawn() {
        double largest = largest().map(Bar::value).orElse(0.0);
        double slot = (double) (right() - LEFT) / Math.max(1, bars.size());
        List<Drawn> drawn = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            long height = largest <= 0 ? 0 : Math.round(bar.value() / largest * (bottom() - TOP));
            long x = Math.round(LEFT + i * slot + slot * 0.15);
            drawn.add(new Drawn(bar, x, bottom() - height, Math.max(1, Math.round(slot * 0.7)), height,
                    Math.round(LEFT + (i + 0.5) * slot)));
        }
        return drawn;
    }

    private Optional<Bar> largest() {
        return bars.stream().max(Comparator.comparingDouble(Bar::value));
    }
}
