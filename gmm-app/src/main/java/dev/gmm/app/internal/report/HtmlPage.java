package dev.gmm.app.internal.report;

import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.core.experiment.ExperimentResult.Table;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's index.html: a header, a table of contents, and one section per experiment with its
 * summary, findings, numbers, tables and figures (pictures side by side). Self-contained: inline
 * CSS, images by relative path, no script and nothing fetched from the network.
 */
final class HtmlPage {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1600px;padding:0 24px 48px;color:#222;line-height:1.45}
            .layout{display:grid;grid-template-columns:220px minmax(0,1fr);gap:28px}
            nav.toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow-y:auto;padding:16px 0;font-size:0.9em}
            nav.toc h2{margin:0 0 8px;font-size:1.1em;border:0}
            nav.toc ol{margin:0;padding-left:30px}nav.toc li{margin:3px 0;overflow-wrap:anywhere}
            nav.toc a{color:#0072B2;text-decoration:none}nav.toc a:hover{text-decoration:underline}
            main{min-width:0}section{scroll-margin-top:8px}
            td,th,figcaption,p,li{overflow-wrap:anywhere}
            header{border-bottom:2px solid #0072B2;margin-bottom:16px}
            h1{margin:20px 0 4px}h2{margin-top:40px;border-bottom:1px solid #ccc;padding-bottom:4px}
            .meta{color:#666;font-size:0.9em}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:0.9em}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f3f6fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
            caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}
            .figures{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
            figure{margin:0;border:1px solid #eee;padding:6px;background:#fff}
            figure img{display:block;max-width:100%;height:auto}
            figure.picture img{image-rendering:pixelated}
            .picture-group{display:flex;gap:6px;padding:6px;border:1px solid #d8dee6;border-radius:4px;background:#f8fafc}
            figcaption{font-size:0.85em;color:#444;max-width:640px}
            .error{color:#b00020;font-weight:600}
            .findings li{margin:2px 0}
            details{margin:-8px 0 16px;font-size:0.9em}summary{cursor:pointer;color:#0072B2}
            """;

    /** Rows a long table shows before the rest are folded away. */
    private static final int FOLD_AFTER_ROWS = 12;

    private HtmlPage() {
    }

    static String render(String heading, List<String> metaLines, List<ReportSection> sections) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(heading)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<header>\n<h1>").append(Html.escape(heading)).append("</h1>\n");
        for (String line : metaLines) {
            h.append("<p class=\"meta\">").append(Html.escape(line)).append("</p>\n");
        }
        h.append("<p class=\"meta\">Every result on this page, and the points of every plot, are in "
                + "<a href=\"results.json\">results.json</a> (the same bytes for the same seed); times are in "
                + "<a href=\"timings.json\">timings.json</a>.</p>\n</header>\n");
        boolean contents = sections.size() > 1;
        if (contents) {
            // A table of contents that stays in view beside the page as it scrolls (the demo's page is long).
            h.append("<div class=\"layout\">\n<nav class=\"toc\"><h2>Contents</h2>\n<ol>\n");
            for (ReportSection s : sections) {
                h.append("<li><a href=\"#").append(anchor(s)).append("\">").append(Html.escape(s.name())).append("</a>")
                        .append(s.failed() ? " <span class=\"error\">failed</span>" : "").append("</li>\n");
            }
            h.append("</ol>\n</nav>\n<main>\n");
            h.append("<h2>Overview</h2>\n<table class=\"contents\"><tr><th>experiment</th><th>title</th>"
                    + "<th>figures</th><th>seconds</th><th>status</th></tr>\n");
            double total = 0;
            for (ReportSection s : sections) {
                long drawn = s.figures().stream().filter(f -> f.file() != null).count();
                total += s.seconds();
                h.append("<tr><td><code>").append(Html.escape(s.name())).append("</code></td><td><a href=\"#")
                        .append(anchor(s)).append("\">").append(Html.escape(s.title())).append("</a></td><td class=\"num\">")
                        .append(drawn).append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", s.seconds()))
                        .append("</td><td>").append(s.failed() ? "<span class=\"error\">failed</span>" : "ok")
                        .append("</td></tr>\n");
            }
            h.append("<tr><th colspan=\"3\">total</th><td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", total))
                    .append("</td><td></td></tr>\n</table>\n");
        }
        for (ReportSection s : sections) {
            section(h, s);
        }
        if (contents) {
            h.append("</main>\n</div>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String anchor(ReportSection s) {
        return "section-" + Slugs.slug(s.name());
    }

    private static void section(StringBuilder h, ReportSection s) {
        h.append("<section id=\"").append(anchor(s)).append("\">\n<h2>").append(Html.escape(s.title())).append("</h2>\n");
        h.append("<p class=\"meta\"><code>").append(Html.escape(s.name())).append("</code> — ")
                .append(Html.escape(s.description())).append(String.format(Locale.ROOT, " · %.1f s", s.seconds()))
                .append("</p>\n");
        if (s.failed()) {
            h.append("<p class=\"error\">This experiment failed: ").append(Html.escape(s.error())).append("</p>\n</section>\n");
            return;
        }
        ExperimentResult r = s.result();
        if (r.summary() != null && !r.summary().isBlank()) {
            h.append("<p>").append(Html.escape(r.summary())).append("</p>\n");
        }
        if (!r.findings().isEmpty()) {
            h.append("<h3>Findings</h3>\n<ul class=\"findings\">\n");
            r.findings().forEach(f -> h.append("<li>").append(Html.escape(f)).append("</li>\n"));
            h.append("</ul>\n");
        }
        figures(h, s.figures());
        if (!r.numbers().isEmpty()) {
            h.append("<table class=\"numbers\"><caption>Numbers</caption>\n");
            for (Map.Entry<String, Object> e : r.numbers().entrySet()) {
                h.append("<tr><th>").append(Html.escape(e.getKey())).append("</th>");
                cell(h, e.getValue());
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        for (Table t : r.tables()) {
            table(h, t);
        }
        h.append("</section>\n");
    }

    /** Charts and heat maps flow side by side; pictures follow in groups that stay on one line. */
    private static void figures(StringBuilder h, List<Figure> figures) {
        List<Figure> plots = figures.stream().filter(f -> !f.kind().equals("picture")).toList();
        List<Figure> pictures = figures.stream().filter(f -> f.kind().equals("picture")).toList();
        if (!plots.isEmpty()) {
            h.append("<div class=\"figures\">\n");
            plots.forEach(f -> figure(h, f));
            h.append("</div>\n");
        }
        if (!pictures.isEmpty()) {
            List<List<Figure>> groups = PictureGroups.of(pictures);
            h.append("<div class=\"figures\">\n");
            for (List<Figure> group : groups) {
                h.append(groups.size() > 1 ? "<div class=\"picture-group\">\n" : "");
                group.forEach(f -> figure(h, f));
                h.append(groups.size() > 1 ? "</div>\n" : "");
            }
            h.append("</div>\n");
        }
    }

    private static void figure(StringBuilder h, Figure f) {
        h.append("<figure class=\"").append(f.kind()).append("\">");
        if (f.file() != null) {
            h.append("<img src=\"").append(Html.escape(f.file())).append("\" alt=\"").append(Html.escape(f.title()))
                    .append("\">");
        } else {
            h.append("<p class=\"error\">Could not draw: ").append(Html.escape(f.error())).append("</p>");
        }
        h.append("<figcaption>").append(Html.escape(f.title())).append("</figcaption></figure>\n");
    }

    /** A long table shows its first rows; the rest open on a click, so a grid search does not bury the plots. */
    private static void table(StringBuilder h, Table t) {
        List<List<Object>> rows = t.rows();
        boolean folded = rows.size() > FOLD_AFTER_ROWS + 5;
        tableRows(h, t, folded ? rows.subList(0, FOLD_AFTER_ROWS) : rows, true);
        if (folded) {
            h.append("<details><summary>all ").append(rows.size()).append(" rows of ")
                    .append(Html.escape(t.title())).append("</summary>\n");
            tableRows(h, t, rows, false);
            h.append("</details>\n");
        }
    }

    private static void tableRows(StringBuilder h, Table t, List<List<Object>> rows, boolean caption) {
        h.append("<table>");
        if (caption && t.title() != null && !t.title().isBlank()) {
            h.append("<caption>").append(Html.escape(t.title()))
                    .append(rows.size() < t.rows().size() ? " (first " + rows.size() + " of " + t.rows().size() + " rows)" : "")
                    .append("</caption>");
        }
        h.append("\n<tr>");
        t.columns().forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<Object> row : rows) {
            h.append("<tr>");
            row.forEach(cell -> cell(h, cell));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, Object value) {
        h.append(value instanceof Number ? "<td class=\"num\">" : "<td>").append(Html.escape(Html.format(value)))
                .append("</td>");
    }
}
