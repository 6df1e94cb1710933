/**
 * gmm-bench: JMH benchmarks, side by side with the peers. GPL-3.0 (may link Smile). JMH's forks run
 * the shaded benchmarks.jar on the class path, where this descriptor is ignored; it is here so the
 * module's compile-time dependencies are declared like every other module's.
 */
module dev.gmm.bench {
    requires dev.gmm.core;
    requires dev.gmm.metrics;
    requires dev.gmm.parsimonious; // its covariance models, found by name through the registry
    requires jmh.core;
    requires commons.math3;
    // Smile's jars are automatic modules (Automatic-Module-Name in their manifests).
    requires smile.base;
}
