package dev.gmm.app.internal;

import dev.gmm.core.ProgressListener;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on one terminal line, redrawn in place with {@code \r}:
 * {@code [2/9] blobs · grid search [#######-----]  58%  7/12  0:04}. It writes to stderr so stdout
 * stays clean for output, and is silent when the console is not a terminal (a pipe, a file, CI).
 * Thread-safe: workers may call {@link #advance} concurrently; redraws are throttled.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int BAR_WIDTH = 24;
    private static final int MAX_LINE = 100;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final AtomicLong done = new AtomicLong();
    private volatile String stage = "";
    private volatile String task = "";
    private volatile long total;
    private volatile long taskStarted = System.nanoTime();
    private long lastDrawn;
    private int lastWidth;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    /** A bar on stderr when the console is a terminal; otherwise a listener that does nothing. */
    public static ProgressListener forConsole() {
        return isTerminal() ? new ConsoleProgress(System.err) : ProgressListener.NONE;
    }

    /** Whether a person watches: since Java 22 System.console() exists even when redirected, so ask. */
    public static boolean isTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Names the larger step the tasks belong to ("[2/9] blobs"); shown before each task. */
    public void stage(String name) {
        this.stage = name;
        start("", 0);
    }

    @Override
    public void start(String taskName, long steps) {
        task = taskName == null ? "" : taskName;
        total = steps;
        done.set(0);
        taskStarted = System.nanoTime();
        draw(true);
    }

    @Override
    public void advance(long steps) {
        done.addAndGet(steps);
        draw(false);
    }

    @Override
    public synchronized void finish() {
        if (lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
        }
        lastWidth = 0;
    }

    private synchronized void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDrawn < REDRAW_NANOS && done.get() < total) {
            return;
        }
        lastDrawn = now;
        String line = line(stage, task, done.get(), total, (now - taskStarted) / 1_000_000_000L);
        int pad = Math.max(0, lastWidth - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastWidth = line.length();
    }

    /** The text of one redraw; total ≤ 0 means unknown, shown as a count without a bar. */
    static String line(String stage, String task, long done, long total, long seconds) {
        String label = stage.isEmpty() ? task : task.isEmpty() ? stage : stage + " · " + task;
        if (label.length() > MAX_LINE - 48) {
            label = label.substring(0, MAX_LINE - 49) + "…";
        }
        String time = String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        if (total <= 0) {
            return done > 0 ? String.format(Locale.ROOT, "%s  %d  %s", label, done, time) : label + "  " + time;
        }
        long clamped = Math.min(done, total);
        int filled = (int) (BAR_WIDTH * clamped / total);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %d/%d  %s", label, "#".repeat(filled),
                "-".repeat(BAR_WIDTH - filled), 100 * clamped / total, clamped, total, time);
    }
}
