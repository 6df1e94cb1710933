package dev.gmm.app;

import dev.gmm.app.internal.report.StudyReport;
import dev.gmm.core.Plugins;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The lines under a report's heading: what ran, where, with which seed and kernel, and when. */
final class ReportHeader {
    private ReportHeader() {
    }

    static StudyReport describe(StudyReport report, long seed, String command, String scope) {
        // The kernel can change the last digits of a result, so it belongs with the results; the JVM, the
        // core count (results do not depend on threads) and the date do not, and go to timings.json.
        return report.meta(command + " · " + scope + " · seed " + seed)
                .meta("gmm 0.1.0-SNAPSHOT · EM kernel " + Plugins.kernelName())
                .environment("Java " + Runtime.version() + " · " + Runtime.getRuntime().availableProcessors()
                        + " processors")
                .environment("generated " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .replaceAll("\\.\\d+$", "") + " UTC");
    }
}
