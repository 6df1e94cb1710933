/** gmm-datasets: generators, loaders, scaling and model I/O. */
module dev.gmm.datasets {
    requires transitive dev.gmm.core;
    requires com.fasterxml.jackson.databind;
    exports dev.gmm.datasets;
}
