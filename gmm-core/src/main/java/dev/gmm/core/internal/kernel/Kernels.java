package dev.gmm.core.internal.kernel;

import java.lang.System.Logger.Level;

/**
 * Chooses the kernel once per JVM, as Lucene does: the Vector API kernel when the incubator module is
 * in the boot layer and usable, otherwise the scalar reference, and says why in one log line. The
 * system property {@code gmm.kernel} (auto, simd, scalar) forces a choice; forcing simd where it
 * cannot run is an error rather than a silent fallback.
 */
public final class Kernels {
    private static final System.Logger LOG = System.getLogger("dev.gmm.core.kernel");
    private static final String SIMD_CLASS = "dev.gmm.core.internal.kernel.simd.VectorKernel";

    private static volatile EmKernel active;

    private Kernels() {
    }

    /** The kernel in use. */
    public static EmKernel active() {
        EmKernel k = active;
        if (k == null) {
            synchronized (Kernels.class) {
                if (active == null) {
                    active = choose(System.getProperty("gmm.kernel", "auto"));
                }
                k = active;
            }
        }
        return k;
    }

    /** The scalar reference kernel. */
    public static EmKernel scalar() {
        return new ScalarKernel();
    }

    /** The SIMD kernel, or an explanation of why it cannot run here. */
    public static EmKernel simd() {
        var module = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (module.isEmpty()) {
            throw new UnsupportedOperationException("the Vector API is not available: start the JVM with "
                    + "--add-modules jdk.incubator.vector");
        }
        try {
            Kernels.class.getModule().addReads(module.get());
            Class<?> type = Class.forName(SIMD_CLASS);
            return (EmKernel) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new UnsupportedOperationException("this build has no SIMD kernel (" + SIMD_CLASS + ")", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UnsupportedOperationException("the SIMD kernel failed to load: " + e, e);
        }
    }

    static EmKernel choose(String choice) {
        switch (choice) {
            case "scalar" -> {
                LOG.log(Level.INFO, "gmm kernel: scalar (forced by -Dgmm.kernel=scalar)");
                return scalar();
            }
            case "simd" -> {
                EmKernel k = simd();
                LOG.log(Level.INFO, "gmm kernel: " + k.name() + " (forced by -Dgmm.kernel=simd)");
                return k;
            }
            case "auto" -> {
                try {
                    EmKernel k = simd();
                    LOG.log(Level.DEBUG, "gmm kernel: " + k.name() + " (Vector API present)");
                    return k;
                } catch (UnsupportedOperationException e) {
                    LOG.log(Level.INFO, "gmm kernel: scalar, because " + e.getMessage());
                    return scalar();
                }
            }
            default -> throw new IllegalArgumentException("-Dgmm.kernel=" + choice
                    + " is not a kernel: use auto, simd or scalar");
        }
    }
}
