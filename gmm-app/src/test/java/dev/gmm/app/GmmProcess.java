package dev.gmm.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code gmm} CLI in a fresh JVM (the test JVM's own JDK and runtime path). */
final class GmmProcess {
    /** What a run left behind. */
    record Result(int exitCode, String stdout, String stderr) {
        /** stderr without the JVM's own incubator warning. */
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
        }
    }

    private GmmProcess() {
    }

    /**
     * The CLI as a named module: the test run's class path and module path, minus the test classes,
     * on the JVM's module path.
     */
    static Result runOnModulePath(Path workDir, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> path = new ArrayList<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                for (String entry : v.split(File.pathSeparator)) {
                    if (!entry.contains("test-classes") && !path.contains(entry)) {
                        path.add(entry);
                    }
                }
            }
        }
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-p",
                String.join(File.pathSeparator, path), "-m", "dev.gmm.app/" + Main.class.getName()));
        command.addAll(List.of(args));
        return start(workDir, command, args);
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, 2, args);
    }

    /** As {@link #run(Path, String...)}, for a command that may take up to {@code minutes} (the whole demo). */
    static Result run(Path workDir, int minutes, String... args) throws IOException, InterruptedException {
        return runWithInput(workDir, minutes, null, args);
    }

    /** As {@link #run(Path, String...)}, with {@code stdin} (a file) as standard input. */
    static Result runWithInput(Path workDir, Path stdin, String... args) throws IOException, InterruptedException {
        return runWithInput(workDir, 2, stdin, args);
    }

    private static Result runWithInput(Path workDir, int minutes, Path stdin, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        // Surefire may put everything on the module path or on the class path; the CLI runs from
        // the class path either way (providers come from META-INF/services there).
        List<String> path = new ArrayList<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                path.add(v);
            }
        }
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-cp",
                String.join(File.pathSeparator, path), Main.class.getName()));
        command.addAll(List.of(args));
        return start(workDir, command, minutes, stdin, args);
    }

    private static Result start(Path workDir, List<String> command, String... args)
            throws IOException, InterruptedException {
        return start(workDir, command, 2, null, args);
    }

    private static Result start(Path workDir, List<String> command, int minutes, Path stdin, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process p = builder.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("gmm " + String.join(" ", args) + " did not finish in " + minutes + " minutes");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
