package dev.gmm.datasets.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.CovarianceModel;
import dev.gmm.datasets.io.plugin.SharedDiagonalCovariance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A model file of a plugin's covariance type scores where the plugin is not installed: the file keeps
 * the parameter count and the kernel's precision factors, so score, BIC, AIC and predict of the model
 * read back equal those of the fitted model, bit for bit. A file written before gmm stored them needs
 * the plugin, and says so; the four built-in types never need anything extra.
 *
 * <p>The plugin is installed for part of a test only: its class is defined by a class loader of the
 * test's own (so it sits in an unnamed module, where {@code META-INF/services} counts) that is the
 * context class loader while the plugin should be there; {@link Plugins#reload} makes the registry look
 * again each time.
 */
class PluginModelWithoutPluginTest {
    private static final String PLUGIN = SharedDiagonalCovariance.class.getName();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path services;

    @AfterEach
    void forgetThePlugin() {
        Plugins.reload();
    }

    private static DataMatrix blobs() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[400][3];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = 5 * (i % 3) + (j + 1) * 0.7 * r.nextGaussian();
            }
        }
        return DataMatrix.of(x);
    }

    @Test
    void aPluginModelReadWithoutItsPluginGivesTheFittedModelsScoreBicAicAndLabels() throws IOException {
        DataMatrix x = blobs();
        GaussianMixtureModel fitted = withPlugin(() -> GaussianMixture.builder().components(3)
                .covarianceType(SharedDiagonalCovariance.NAME).seed(5).build().fit(x));
        String json = withPlugin(() -> ModelJson.toJson(fitted));
        Plugins.reload();
        assertThat(Plugins.names(CovarianceModel.class)).as("the plugin is gone").doesNotContain(SharedDiagonalCovariance.NAME);

        GaussianMixtureModel back = ModelJson.fromJson(json);

        assertThat(back.covarianceType()).isEqualTo(SharedDiagonalCovariance.NAME);
        assertThat(back.numParameters()).isEqualTo(fitted.numParameters()).isEqualTo(3 + 3 * 3 + 3 - 1);
        assertThat(bits(back.score(x))).isEqualTo(bits(fitted.score(x)));
        assertThat(bits(back.bic(x))).isEqualTo(bits(fitted.bic(x)));
        assertThat(bits(back.aic(x))).isEqualTo(bits(fitted.aic(x)));
        assertThat(back.scoreSamples(x)).isEqualTo(fitted.scoreSamples(x));
        assertThat(back.predict(x)).isEqualTo(fitted.predict(x));
        assertThat(back.covariances()).isEqualTo(fitted.covariances());
        assertThat(back.precisionsCholesky()).isEqualTo(fitted.precisionsCholesky());
        // written again without the plugin, it is the same file
        assertThat(ModelJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void aPluginModelFileWithoutTheStoredCountNeedsThePluginAndSaysSo() {
        DataMatrix x = blobs();
        String json = withPlugin(() -> ModelJson.toJson(GaussianMixture.builder().components(2)
                .covarianceType(SharedDiagonalCovariance.NAME).seed(1).build().fit(x)));
        String old = without(json, "n_parameters", PrecisionFactorsJson.KEY);

        assertThat(withPlugin(() -> ModelJson.fromJson(old).numParameters())).as("with the plugin, as before")
                .isEqualTo(3 + 2 * 3 + 2 - 1);
        Plugins.reload();
        assertThatThrownBy(() -> ModelJson.fromJson(old)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covariance_type \"" + SharedDiagonalCovariance.NAME + "\" is not installed")
                .hasMessageContaining("n_parameters")
                .hasMessageContaining("jar on the module or class path");
    }

    @Test
    void aBuiltInModelFileWithoutTheStoredCountStillReadsAndCounts() {
        for (String type : new String[] {"full", "tied", "diag", "spherical"}) {
            GaussianMixtureModel m = GaussianMixture.builder().components(3).covarianceType(type).seed(2).build()
                    .fit(blobs());
            String json = ModelJson.toJson(m);
            assertThat(json).contains("\"n_parameters\" : " + m.numParameters()).doesNotContain(PrecisionFactorsJson.KEY);
            GaussianMixtureModel back = ModelJson.fromJson(without(json, "n_parameters"));
            assertThat(back.numParameters()).as(type).isEqualTo(m.numParameters());
        }
    }

    @Test
    void aDamagedParameterCountIsAnError() {
        String json = ModelJson.toJson(GaussianMixture.builder().components(2).covarianceType("diag").build()
                .fit(blobs()));
        ObjectNode root = tree(json);
        root.put("n_parameters", 3);
        assertThatThrownBy(() -> ModelJson.fromJson(root.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_parameters is 3");
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String without(String json, String... keys) {
        ObjectNode root = tree(json);
        for (String key : keys) {
            root.remove(key);
        }
        return root.toString();
    }

    /** Runs {@code work} with the plugin installed (and the registry looking again before and after). */
    private <T> T withPlugin(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = pluginLoader()) {
            thread.setContextClassLoader(loader);
            Plugins.reload();
            return work.get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(before);
            Plugins.reload();
        }
    }

    /**
     * A loader whose {@code META-INF/services} names the plugin and that defines the plugin's class itself
     * (from the test's class file), everything else coming from the test's loader.
     */
    private URLClassLoader pluginLoader() throws IOException {
        Path file = services.resolve("META-INF/services/" + CovarianceModel.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, PLUGIN + "\n");
        ClassLoader parent = PluginModelWithoutPluginTest.class.getClassLoader();
        return new URLClassLoader(new URL[] {services.toUri().toURL()}, parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(PLUGIN)) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        try (InputStream in = parent.getResourceAsStream(name.replace('.', '/') + ".class")) {
                            byte[] bytes = in.readAllBytes();
                            c = defineClass(name, bytes, 0, bytes.length);
                        } catch (IOException | NullPointerException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return c;
                }
            }
        };
    }
}
