package dev.gmm.spark.internal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code gmm-spark} command line: {@code fit}, {@code predict} and {@code score} with gmm's options
 * plus {@code --master}. A user's mistake ends with exit code 2 and one line on stderr ({@code --verbose}
 * adds the stack trace).
 */
@Command(name = "gmm-spark", mixinStandardHelpOptions = true,
        description = "Gaussian mixtures fitted by gmm's EM on Apache Spark.",
        subcommands = {FitCommand.class, PredictCommand.class, ScoreCommand.class})
public final class SparkMain implements Runnable {
    private SparkMain() {
    }

    public static void main(String[] args) {
        int code = run(args);
        System.exit(code);
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        boolean verbose = List.of(args).contains("--verbose");
        String[] rest = List.of(args).stream().filter(a -> !a.equals("--verbose")).toArray(String[]::new);
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            report(userMistake(e), e, verbose);
            return 2;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            report(e.getMessage() + " (see gmm-spark " + (e.getCommandLine().getCommandName()) + " --help)", e, verbose);
            return 2;
        });
        return cli.execute(rest);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The message a user reads: Spark wraps task failures, so the cause that says what is wrong is found. */
    private static String userMistake(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof IllegalArgumentException || t instanceof java.io.IOException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return "internal error: " + e;
    }

    private static void report(String message, Throwable e, boolean verbose) {
        PrintWriter err = new PrintWriter(System.err, true);
        err.println("gmm-spark: " + message.lines().findFirst().orElse(message));
        if (verbose) {
            e.printStackTrace(err);
        }
    }
}
