package dev.gmm.app;

import dev.gmm.app.internal.NearestNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code gmm} command line (DESIGN.md "The app"). A user's mistake ends with exit code 2 and
 * one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(name = "gmm", mixinStandardHelpOptions = true, version = "gmm 0.1.0-SNAPSHOT",
        description = "Gaussian mixture models for the JVM.")
public final class Main implements Runnable {
    /**
     * The subcommands by name, in the order help lists them. A command line that starts with one of
     * these names gets a command tree holding only that one: picocli reads every option annotation of
     * every subcommand it is given, which in a fresh JVM is a good part of a short job's start-up.
     * Anything else (no command, help, a typo) gets them all, for the listing and the suggestions.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(FitCommand.class, PredictCommand.class,
            ScoreCommand.class, SampleCommand.class, SelectCommand.class, EvaluateCommand.class, FeaturesCommand.class,
            InspectCommand.class, ExperimentCommand.class, DemoCommand.class, PluginsCommand.class, BenchCommand.class,
            ConvertCommand.class, CommandLine.HelpCommand.class);

    /** Exit code for a user's mistake (bad flag, missing file, malformed input). */
    public static final int USAGE_ERROR = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    /** The root command, whose options picocli fills in; {@link #run(String...)} is the entry point. */
    public Main() {
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        // Plots are drawn off screen, on servers and in CI too: never ask AWT for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (!verbose) {
            // The core reports its kernel choice at INFO through System.Logger; users see it with --verbose.
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
        CommandLine cli = commandLine(args);
        cli.setParameterExceptionHandler((e, a) -> {
            report(e.getCommandLine().getErr(), withSuggestion(e), verbose);
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable explained = FileErrors.explain(e);
            report(commandLine.getErr(), explained, verbose);
            return isUserMistake(e) || explained != e ? USAGE_ERROR : 1;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Too much data for the heap is the user's to fix (more heap, less data), like any other input.
            report(new PrintWriter(System.err, true), FileErrors.outOfMemory(e), verbose);
            return USAGE_ERROR;
        } catch (Error e) {
            // picocli lets Errors through; a user still gets one line (the trace with --verbose).
            report(new PrintWriter(System.err, true), new IllegalStateException("internal error: " + e
                    + (verbose ? "" : " (run with --verbose for the stack trace)"), e), verbose);
            return 1;
        }
    }

    /** The command tree for {@code args}: only the named subcommand when the first argument names one. */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Class<?> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named);
        } else {
            SUBCOMMANDS.values().forEach(cli::addSubcommand);
        }
        return cli;
    }

    private static Map<String, Class<?>> subcommands(Class<?>... commands) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> command : commands) {
            byName.put(command.getAnnotation(Command.class).name(), command);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * A mistyped option or command with picocli's nearest matches ("did you mean --n-init?"), in the
     * same one line: picocli would print them on lines of their own. A misspelt required option
     * ({@code --dat} for {@code --data}) makes picocli report the required one as missing, which hides
     * the slip: when an unknown argument on the line has a near name, that is the message instead.
     */
    private static CommandLine.ParameterException withSuggestion(CommandLine.ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        List<String> typed = switch (e) {
            case CommandLine.UnmatchedArgumentException u -> u.getUnmatched().stream().limit(1).toList(); // the first is the slip
            case CommandLine.MissingParameterException _ ->
                    commandLine.getUnmatchedArguments().stream().filter(a -> a.startsWith("-")).toList();
            default -> List.of();
        };
        return typed.stream().map(t -> suggestion(commandLine, t, e)).filter(Objects::nonNull)
                .findFirst().orElse(e);
    }

    /** "unknown option '--dat'; did you mean --data? ...", or null when nothing known is near {@code typed}. */
    private static CommandLine.ParameterException suggestion(CommandLine commandLine, String typed,
            CommandLine.ParameterException cause) {
        CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
        boolean option = typed.startsWith("-");
        String name = option && typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        List<String> suggestions = NearestNames.of(name, option ? spec.optionsMap().keySet() : spec.subcommands().keySet());
        if (suggestions.isEmpty() && cause instanceof CommandLine.UnmatchedArgumentException unmatched) {
            suggestions = unmatched.getSuggestions().stream().limit(3).toList();
        }
        if (suggestions.isEmpty()) {
            return null;
        }
        String what = option ? "option" : "command";
        return new CommandLine.ParameterException(commandLine, "unknown " + what + " '" + name
                + "'; did you mean " + String.join(" or ", suggestions) + "? (" + spec.qualifiedName()
                + " --help lists every " + what + ")", cause);
    }

    private static boolean isUserMistake(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof IllegalStateException;
    }

    /** The stack trace when asked, then the message as the last line. */
    private static void report(PrintWriter err, Throwable e, boolean verbose) {
        if (verbose) {
            e.printStackTrace(err);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("gmm: " + message.replace('\n', ' ').replace('\r', ' '));
        err.flush();
    }
}
