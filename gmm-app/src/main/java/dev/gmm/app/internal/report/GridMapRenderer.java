package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult.Heatmap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws a heat map that is a map — a fine grid over two numeric axes, such as a log-density over
 * longitude and latitude — as an image: cells on a sequential colour scale (dark = low, bright =
 * high; viridis' anchors), numeric ticks on both axes, and a labelled colour bar. A grid is
 * recognised by its row and column labels: more than 30 a side, each a number, optionally after one
 * shared word ("longitude -124.35"), which becomes the axis title.
 */
final class GridMapRenderer {
    /** Grids with more cells a side than this are maps; smaller heat maps keep their cell labels. */
    static final int MIN_SIDE = 30;
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
            new Color(0x5EC962), new Color(0xFDE725)};
    private static final int PLOT = 480;
    private static final int LEFT = 80;
    private static final int TOP = 50;
    private static final int BAR_GAP = 30;
    private static final int BAR_WIDTH = 18;
    private static final int WIDTH = LEFT + PLOT + BAR_GAP + BAR_WIDTH + 120;
    private static final int HEIGHT = TOP + PLOT + 70;

    /** One axis: its title and the number each cell stands for. */
    record Axis(String title, double[] values) {
    }

    private GridMapRenderer() {
    }

    /** The heat map's axes when it is a map (see the class comment). */
    static Optional<Axis[]> axes(Heatmap h) {
        if (h.values().length <= MIN_SIDE || h.values()[0].length <= MIN_SIDE) {
            return Optional.empty();
        }
        Optional<Axis> x = axis(h.columnLabels(), h.values()[0].length, "columns");
        Optional<Axis> y = axis(h.rowLabels(), h.values().length, "rows");
        return x.isPresent() && y.isPresent() ? Optional.of(new Axis[] {x.get(), y.get()}) : Optional.empty();
    }

    private static Optional<Axis> axis(List<String> labels, int n, String fallback) {
        if (labels == null || labels.size() != n) {
            return Optional.empty();
        }
        String title = null;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            String label = labels.get(i).strip();
            int space = label.lastIndexOf(' ');
            String word = space < 0 ? "" : label.substring(0, space);
            if (title != null && !title.equals(word)) {
                return Optional.empty();
            }
            title = word;
            try {
                values[i] = Double.parseDouble(label.substring(space + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new Axis(title == null || title.isEmpty() ? fallback : title, values));
    }

    static BufferedImage render(Heatmap h, Axis x, Axis y) {
        double[][] v = h.values();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : v) {
            for (double value : row) {
                if (Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("heat map '" + h.title() + "' has no finite value");
        }
        // A density's far tail (log-density -90 in an empty corner) would squeeze every feature near the
        // peaks into one colour: the scale starts at the 10th percentile, and the lowest cells share its colour.
        double floor = percentile(v, 0.10);
        boolean clipped = floor > min;
        min = clipped ? floor : min;
        if (!(max > min)) {
            max = min + 1;
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int rows = v.length;
        int cols = v[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                g.setColor(Double.isFinite(v[r][c]) ? colour((v[r][c] - min) / (max - min)) : Color.LIGHT_GRAY);
                int x0 = LEFT + c * PLOT / cols;
                int y0 = TOP + r * PLOT / rows;
                g.fillRect(x0, y0, LEFT + (c + 1) * PLOT / cols - x0, TOP + (r + 1) * PLOT / rows - y0);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, PLOT, PLOT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fitTitle(g, h.title())));
        centred(g, h.title(), WIDTH / 2, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // Cell i's centre sits at (i + 0.5) / n of the axis; ticks go at round numbers between the ends.
        ticks(g, x.values(), true);
        ticks(g, y.values(), false);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        centred(g, x.title(), LEFT + PLOT / 2, TOP + PLOT + 50);
        vertical(g, y.title(), 22, TOP + PLOT / 2);
        colourBar(g, min, max, colourBarTitle(h.title()), clipped);
        g.dispose();
        return image;
    }

    /** "Log density over longitude ..." → "Log density": what the colours measure. */
    static String colourBarTitle(String title) {
        int over = title.indexOf(" over ");
        return over > 0 ? title.substring(0, over) : "value";
    }

    private static double percentile(double[][] v, double p) {
        double[] all = java.util.Arrays.stream(v).flatMapToDouble(java.util.Arrays::stream).filter(Double::isFinite)
                .sorted().toArray();
        return all[(int) Math.floor(p * (all.length - 1))];
    }

    private static void colourBar(Graphics2D g, double min, double max, String title, boolean clipped) {
        int x0 = LEFT + PLOT + BAR_GAP;
        for (int i = 0; i < PLOT; i++) {
            g.setColor(colour(1 - i / (double) (PLOT - 1)));
            g.fillRect(x0, TOP + i, BAR_WIDTH, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x0, TOP, BAR_WIDTH, PLOT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double t : niceTicks(min, max)) {
            int y = TOP + (int) Math.round((max - t) / (max - min) * PLOT);
            g.drawLine(x0 + BAR_WIDTH, y, x0 + BAR_WIDTH + 4, y);
            g.drawString(format(t, max - min), x0 + BAR_WIDTH + 7, y + 4);
        }
        if (clipped) {
            g.drawString("\u2264 " + format(min, max - min), x0 + BAR_WIDTH + 7, TOP + PLOT + 16);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        vertical(g, title, x0 + BAR_WIDTH + 95, TOP + PLOT / 2);
    }

    private static void ticks(Graphics2D g, double[] values, boolean horizontal) {
        int n = values.length;
        double first = values[0];
        double last = values[n - 1];
        double lo = Math.min(first, last);
        double hi = Math.max(first, last);
        for (double t : niceTicks(lo, hi)) {
            double fraction = (t - first) / (last - first) * (n - 1) / n + 0.5 / n;
            int at = (int) Math.round(fraction * PLOT);
            String text = format(t, hi - lo);
            if (horizontal) {
                g.drawLine(LEFT + at, TOP + PLOT, LEFT + at, TOP + PLOT + 5);
                centred(g, text, LEFT + at, TOP + PLOT + 20);
            } else {
                g.drawLine(LEFT - 5, TOP + at, LEFT, TOP + at);
                g.drawString(text, LEFT - 8 - g.getFontMetrics().stringWidth(text), TOP + at + 4);
            }
        }
    }

    /** About five round numbers (1, 2 or 5 times a power of ten apart) within [lo, hi]. */
    static double[] niceTicks(double lo, double hi) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double raw = (hi - lo) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power
                : 10 * power;
        double start = Math.ceil(lo / step) * step;
        int count = (int) Math.floor((hi - start) / step + 1e-9) + 1;
        double[] out = new double[Math.max(count, 0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = start + i * step;
        }
        return out;
    }

    private static String format(double v, double range) {
        int decimals = Math.clamp(1 - (int) Math.floor(Math.log10(range / 5)), 0, 6);
        return String.format(Locale.ROOT, "%." + decimals + "f", v + 0.0);
    }

    /** Viridis, interpolated between its five anchors; t in [0, 1]. */
    static Color colour(double t) {
        double s = Math.clamp(t, 0, 1) * (VIRIDIS.length - 1);
        int i = Math.min((int) s, VIRIDIS.length - 2);
        double f = s - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** The largest font size up to 15 at which the title fits the image. */
    private static int fitTitle(Graphics2D g, String title) {
        int size = 15;
        while (size > 9 && g.getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, size)).stringWidth(title) > WIDTH - 20) {
            size--;
        }
        return size;
    }

    private static void centred(Graphics2D g, String text, int x, int y) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, x - m.stringWidth(text) / 2, y);
    }

    private static void vertical(Graphics2D g, String text, int x, int y) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        centred(g, text, x, y);
        g.setTransform(saved);
    }
}
