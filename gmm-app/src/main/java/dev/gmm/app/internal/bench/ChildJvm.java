package dev.gmm.app.internal.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts this same application in a fresh JVM (same java, same module path or class path) with extra
 * system properties: the core chooses its kernel once per JVM, so the scalar kernel can only be timed
 * beside the SIMD one from another process.
 */
public final class ChildJvm {
    private static final long TIMEOUT_MINUTES = 10;

    private ChildJvm() {
    }

    /** What the child printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** stderr without the JVM's own incubator-module warning. */
        public String errorText() {
            return stderr.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                    .reduce((a, b) -> a + " " + b).orElse("");
        }
    }

    /** Runs {@code main} with {@code args} under the given {@code -D} properties. */
    public static Result run(Class<?> main, List<String> properties, List<String> args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IOException("cannot tell which java runs this process, to start a second one"));
        List<String> command = new ArrayList<>(List.of(java));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        properties.forEach(p -> command.add("-D" + p));
        String modulePath = System.getProperty("jdk.module.path");
        if (main.getModule().isNamed() && modulePath != null && !modulePath.isBlank()) {
            command.addAll(List.of("-p", modulePath, "-m", main.getModule().getName() + "/" + main.getName()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path") + appendModulePath(modulePath),
                    main.getName()));
        }
        command.addAll(args);
        Path out = Files.createTempFile("gmm-child", ".out");
        Path err = Files.createTempFile("gmm-child", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("the child JVM (" + String.join(" ", args) + ") did not finish in "
                        + TIMEOUT_MINUTES + " minutes");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** On the class path, jars that happen to be on the module path too (a test run may split them). */
    private static String appendModulePath(String modulePath) {
        return modulePath == null || modulePath.isBlank() ? "" : File.pathSeparator + modulePath;
    }
}
