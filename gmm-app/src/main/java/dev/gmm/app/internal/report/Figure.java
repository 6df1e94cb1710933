package dev.gmm.app.internal.report;

/**
 * One drawn part of a result, as the page shows it.
 *
 * @param kind  "chart", "heatmap" or "picture"
 * @param title the part's title
 * @param file  the PNG's path relative to the report's directory, with '/' separators; null when it could not be drawn
 * @param error why it could not be drawn, or null
 */
record Figure(String kind, String title, String file, String error) {
    static Figure drawn(String kind, String title, String file) {
        return new Figure(kind, title, file, null);
    }

    static Figure failed(String kind, String title, String error) {
        return new Figure(kind, title, null, error);
    }
}
