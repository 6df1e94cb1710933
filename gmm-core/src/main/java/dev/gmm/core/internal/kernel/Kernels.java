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

    /**
     * What a user without the SIMD kernel reads (at INFO, once per JVM): what to add and where. The
     * flag works on the class path and the module path alike; gmm-core's own {@code requires static}
     * does not bring the module in, but an application module's plain {@code requires} does (the
     * README's "Using gmm as a library" and gmm-app/scripts/library-quickstart.sh check both ways).
     */
    static final String VECTOR_MODULE_MISSING = "the Vector API module is not in this JVM: add "
            + "--add-modules jdk.incubator.vector to the java command line (class path or module path; "
            + "on the module path, requires jdk.incubator.vector in your module-info.java does it too)";

    private static volatile EmKernel active;

    private Kernels() {
    }

    /**
     * Below this much work per pass (multiply-adds over the data, see {@link #workPerPass}), auto runs
     * the scalar kernel: a whole small fit takes less time than C2 needs to compile the Vector API
     * methods, so in a fresh process the SIMD kernel's speed arrives too late (gmm-bench's
     * cold-process table shows where the two cross; gmm-bench/README.md). Above it, the SIMD kernel.
     */
    public static final double SIMD_WORK_THRESHOLD = 5e7;

    /**
     * The kernel for a job of this size: what {@code -Dgmm.kernel} forces, else the scalar kernel for
     * jobs below {@link #SIMD_WORK_THRESHOLD} and {@link #active()} otherwise. A function of the shape
     * alone, so the same input always runs the same kernel.
     */
    public static EmKernel forWork(long rows, int components, int features, boolean fullScatter) {
        return switch (System.getProperty("gmm.kernel", "auto")) {
            case "scalar" -> SCALAR;
            case "simd" -> simdOnce();
            default -> withoutOptimisingCompiler()
                    || workPerPass(rows, components, features, fullScatter) < SIMD_WORK_THRESHOLD ? SCALAR : autoOnce();
        };
    }

    /**
     * Whether this JVM runs without C2 (the launcher's quick mode for small jobs says so with
     * {@code -Dgmm.jit=c1} beside {@code -XX:TieredStopAtLevel=1}). The Vector API is only fast once C2
     * has compiled it into vector instructions; C1 leaves every vector an object, so auto then keeps
     * to the scalar kernel whatever the size.
     */
    static boolean withoutOptimisingCompiler() {
        return "c1".equals(System.getProperty("gmm.jit"));
    }

    private static volatile EmKernel simd;
    private static volatile EmKernel auto;

    /** The SIMD kernel, loaded once (an error, not a fallback, where it cannot run). */
    private static EmKernel simdOnce() {
        EmKernel k = simd;
        if (k == null) {
            synchronized (Kernels.class) {
                if (simd == null) {
                    simd = simd();
                }
                k = simd;
            }
        }
        return k;
    }

    /** What auto chooses for a large job: the SIMD kernel where it can run, the scalar one otherwise. */
    private static EmKernel autoOnce() {
        EmKernel k = auto;
        if (k == null) {
            synchronized (Kernels.class) {
                if (auto == null) {
                    auto = choose("auto");
                }
                k = auto;
            }
        }
        return k;
    }

    /**
     * Multiply-adds of one fused pass: per row and component, the Mahalanobis product (D(D+1)/2 for a
     * triangular factor, D for a diagonal one) and the statistics (the same again).
     */
    public static double workPerPass(long rows, int components, int features, boolean fullScatter) {
        double perComponent = fullScatter ? features * (features + 1.0) : 2.0 * features;
        return (double) rows * components * perComponent;
    }

    private static final EmKernel SCALAR = new ScalarKernel();

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
            throw new UnsupportedOperationException(VECTOR_MODULE_MISSING);
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
                if (withoutOptimisingCompiler()) {
                    LOG.log(Level.DEBUG, "gmm kernel: scalar (-Dgmm.jit=c1: no C2 to compile the Vector API)");
                    return scalar();
                }
                try {
                    EmKernel k = simd();
                    LOG.log(Level.DEBUG, "gmm kernel: " + k.name() + " (Vector API present)");
                    return k;
                } catch (UnsupportedOperationException e) {
                    LOG.log(Level.INFO, "gmm kernel: scalar (same results, slower), because " + e.getMessage());
                    return scalar();
                }
            }
            default -> throw new IllegalArgumentException("-Dgmm.kernel=" + choice
                    + " is not a kernel: use auto, simd or scalar");
        }
    }
}
