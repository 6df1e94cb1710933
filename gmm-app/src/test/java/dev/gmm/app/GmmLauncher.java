package dev.gmm.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher script ({@code gmm} at the repository root) as a user does, stderr and
 * all: the script is copied into a scratch root whose {@code gmm-app/target} holds the app's
 * classes and, in {@code lib}, links to the test run's module path, so no build is triggered.
 */
final class GmmLauncher {
    private final Path root;

    private GmmLauncher(Path root) {
        this.root = root;
    }

    /** A launcher in {@code scratch} (a fresh folder) running this build's classes. */
    static GmmLauncher in(Path scratch) throws IOException {
        return in(scratch, false);
    }

    /**
     * As {@link #in(Path)}, with every class folder packed into a jar, as a real build has it: what the
     * launcher's ahead-of-time cache needs (the JVM caches classes from jars only).
     */
    /** 300 rows of two columns (header a,b) in three clear clusters: a small, quick fit for launcher tests. */
    static Path writeThreeClusters(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i % 3 * 5 + (i * 0.6180339) % 1).append(',').append((i * 0.41421356) % 1).append('\n');
        }
        return Files.writeString(file, csv);
    }

    static GmmLauncher withJarsOnly(Path scratch) throws IOException {
        return in(scratch, true);
    }

    private static GmmLauncher in(Path scratch, boolean jarsOnly) throws IOException {
        Path target = Files.createDirectories(scratch.resolve("gmm-app/target"));
        Path lib = Files.createDirectories(target.resolve("lib"));
        Path appClasses = null;
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(key);
            if (v == null || v.isBlank()) {
                continue;
            }
            for (String entry : v.split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (entry.contains("test-classes") || !Files.exists(p)) {
                    continue;
                }
                if (p.endsWith(Path.of("gmm-app", "target", "classes"))) {
                    appClasses = p;
                    continue;
                }
                // Jars keep their names (an automatic module's name comes from it); class folders are
                // named after their module's folder so that no two collide.
                String name = Files.isDirectory(p) ? p.getParent().getParent().getFileName() + "-" + p.getFileName()
                        : p.getFileName().toString();
                Path link = lib.resolve(name);
                if (jarsOnly && Files.isDirectory(p)) {
                    jar(p, lib.resolve(name + ".jar"));
                } else if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, p);
                }
            }
        }
        if (appClasses == null) {
            throw new IllegalStateException("gmm-app's classes are not on the test path");
        }
        jar(appClasses, target.resolve("gmm-app-test.jar"));
        Path script = scratch.resolve("gmm");
        Files.copy(Path.of("..", "gmm"), script);
        script.toFile().setExecutable(true);
        return new GmmLauncher(scratch);
    }

    /** The scratch root (its gmm-app/target holds the app and, with a cache, aot/). */
    Path root() {
        return root;
    }

    /** The launcher runs the app from a gmm-app-*.jar: this build's classes, packed. */
    static void jar(Path classes, Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** Runs {@code gmm args} in {@code workDir}. */
    GmmProcess.Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, Map.of(), args);
    }

    /** Runs {@code gmm args} in {@code workDir} with extra environment variables. */
    GmmProcess.Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(workDir, env, null, args);
    }

    /** As {@link #run(Path, Map, String...)}, with standard input read from {@code stdin} when it is not null. */
    GmmProcess.Result run(Path workDir, Map<String, String> env, Path stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("gmm").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(root, "stdout", ".txt");
        Path err = Files.createTempFile(root, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("GMM_SKIP_BUILD", "1");
        pb.environment().remove("GMM_JAVA_OPTS");
        pb.environment().putAll(env);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("gmm " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new GmmProcess.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
