/** gmm-app: the command line, experiments, reports and plots. GPL-3.0 (links Smile through gmm-baselines). */
module dev.gmm.app {
    requires dev.gmm.core;
    requires dev.gmm.metrics;
    requires dev.gmm.datasets;
    requires dev.gmm.baselines;
    requires dev.gmm.imaging;
    requires dev.gmm.audio;
    requires info.picocli;
    opens dev.gmm.app to info.picocli;
}
