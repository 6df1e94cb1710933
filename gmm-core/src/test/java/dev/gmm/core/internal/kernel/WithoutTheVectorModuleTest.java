package dev.gmm.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmm.core.Plugins;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A library user who starts the JVM without the Vector API module gets the scalar kernel and one INFO
 * line telling them the exact flag to add. Checked in a child JVM started as such a user would, on
 * the class path with no {@code --add-modules} and no {@code -Dgmm.kernel}: this JVM has the module.
 */
class WithoutTheVectorModuleTest {

    @Test
    void theInfoLineNamesTheFlagToAddAndTheScalarKernelRuns() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        Process child = new ProcessBuilder(List.of(java, "-cp", classPath, ChildWithoutTheModule.class.getName()))
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("kernel in use: scalar");
        assertThat(output).contains("gmm kernel: scalar (same results, slower), because the Vector API "
                + "module is not in this JVM: add --add-modules jdk.incubator.vector to the java command line");
    }

    /** The user's program: asks which kernel large fits would use, which makes the core choose. */
    public static final class ChildWithoutTheModule {
        public static void main(String[] args) {
            System.out.println("kernel in use: " + Plugins.kernelName());
        }
    }
}
