/** gmm-datasets: generators, loaders, scaling and model I/O. */
module dev.gmm.datasets {
    requires transitive dev.gmm.core;
    requires com.fasterxml.jackson.databind;
    requires java.desktop;
    exports dev.gmm.datasets;
    exports dev.gmm.datasets.io;

    provides dev.gmm.core.app.spi.DatasetProvider with
            dev.gmm.datasets.IrisProvider,
            dev.gmm.datasets.CaliforniaHousing,
            dev.gmm.datasets.PathDatasetProviders.Mnist,
            dev.gmm.datasets.PathDatasetProviders.FashionMnist,
            dev.gmm.datasets.PathDatasetProviders.Cifar,
            dev.gmm.datasets.PathDatasetProviders.RavdessRecordings;
}
