package dev.gmm.architecture.planted;

import dev.gmm.core.internal.kernel.ScalarKernel;

/**
 * A permanent, deliberate violation: code outside gmm-core using one of its internal classes. The
 * architecture suite must report it; if it ever stops doing so, its filters are broken.
 */
public final class ReachesIntoCoreInternals {
    private ReachesIntoCoreInternals() {
    }

    public static String kernelName() {
        return new ScalarKernel().name();
    }
}
