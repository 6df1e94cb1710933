/** gmm-app: the command line, experiments, reports and plots. GPL-3.0 (links Smile through gmm-baselines). */
module dev.gmm.app {
    requires dev.gmm.core;
    requires dev.gmm.metrics;
    requires dev.gmm.datasets;
    requires dev.gmm.audio;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires java.logging;

    exports dev.gmm.app;
    opens dev.gmm.app to info.picocli;
}
