/** gmm-app: the command line, experiments, reports and plots. GPL-3.0 (links Smile through gmm-baselines). */
module dev.gmm.app {
    requires dev.gmm.core;
    requires dev.gmm.metrics;
    requires dev.gmm.datasets;
    requires dev.gmm.parsimonious;
    requires dev.gmm.audio;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires java.logging;
    // Plots: XChart is an automatic module (Automatic-Module-Name org.knowm.xchart) drawing through java.desktop.
    requires org.knowm.xchart;
    requires java.desktop;

    exports dev.gmm.app;
    opens dev.gmm.app to info.picocli;

    provides dev.gmm.core.app.spi.Experiment with dev.gmm.app.internal.experiments.IrisExperiment,
            dev.gmm.app.internal.experiments.BlobsExperiment,
            dev.gmm.app.internal.experiments.OverlapExperiment,
            dev.gmm.app.internal.experiments.AnomalyExperiment,
            dev.gmm.app.internal.experiments.ParametersExperiment,
            dev.gmm.app.internal.experiments.DensityIrisExperiment,
            dev.gmm.app.internal.experiments.DensityHousingExperiment,
            dev.gmm.app.internal.experiments.OddsExperiment,
            dev.gmm.app.internal.experiments.VariationalExperiment;
    // gmm bench's rows travel from the child JVM as JSON records.
    opens dev.gmm.app.internal.bench to com.fasterxml.jackson.databind;
}
