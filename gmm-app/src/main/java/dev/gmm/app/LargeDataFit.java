package dev.gmm.app;

import dev.gmm.app.internal.ChunkedScoring;
import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.IterationProgress;
import dev.gmm.app.internal.MappedInput;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.OnlineGaussianMixture;
import dev.gmm.core.SampledStart;
import dev.gmm.datasets.CsvOptions;
import dev.gmm.datasets.CsvRowReader;
import dev.gmm.datasets.Npy;
import dev.gmm.datasets.io.SavedModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code gmm fit} beyond the heap (issue 19): on {@code --data X.npy} the file is mapped and EM runs
 * over it in place, from a start computed on a seeded sample when the file has more rows than
 * {@code --init-sample}; with {@code --online} the data (CSV, .npy, or {@code -} for standard input)
 * are read once in batches of {@code --batch-size} rows by stepwise EM. Memory depends on neither
 * the number of rows.
 */
final class LargeDataFit {
    private final FitCommand c;

    LargeDataFit(FitCommand command) {
        this.c = command;
    }

    /** An online fit, or a mapped .npy file; standard input without --online is read whole by the usual fit. */
    static boolean applies(FitCommand c) {
        return c.online || MappedInput.isNpy(c.data);
    }

    int run() throws IOException {
        if (c.sampleWeights != null) {
            throw new IllegalArgumentException("--sample-weights is read into memory and cannot follow "
                    + (c.online ? "--online" : "a mapped .npy file") + "; fit the CSV without --online, or drop the weights");
        }
        boolean stdin = c.data.toString().equals("-");
        if (stdin && !c.online) {
            throw new IllegalArgumentException("--data - (standard input) is read once: add --online --batch-size B");
        }
        FileChecks.requireOutputFile(c.out, "--out", stdin ? null : c.data, c.initFrom);
        GaussianMixture.Builder builder = GaussianMixture.builder().components(c.components).covarianceType(c.covariance)
                .initMethod(c.init).nInit(c.nInit).maxIter(c.maxIter).tol(c.tol).regCovar(c.regCovar).seed(c.seed);
        if (c.threads > 0) {
            builder.threads(c.threads);
        }
        if (c.initFrom != null) {
            switch (ModelFiles.readStart(c.initFrom, c.covariance)) {
                case ModelFiles.Start.Parameters p -> builder.weightsInit(p.weights()).meansInit(p.means())
                        .precisionsInit(p.precisions());
                case ModelFiles.Start.Model m -> builder.weightsInit(m.model().weights()).meansInit(m.model().means())
                        .precisionsInit(m.model().precisions());
                case ModelFiles.Start.Responsibilities r -> throw new IllegalArgumentException("--init-from "
                        + c.initFrom + " gives responsibilities, one row per sample, which " + (c.online
                        ? "--online" : "a mapped .npy file") + " cannot hold; start from weights, means and precisions");
            }
        }
        return c.online ? online(builder.build(), stdin) : mapped(builder);
    }

    private int mapped(GaussianMixture.Builder builder) throws IOException {
        if (c.initSample < c.components) {
            throw new IllegalArgumentException("--init-sample " + c.initSample + " is fewer than the " + c.components
                    + " components: the start needs at least one sampled row per component (default 1000000)");
        }
        if (c.noMap) {
            FileChecks.requireInputFile(c.data, "--data");
            DataMatrix x = Npy.read(c.data);
            return fitAndWrite(builder, x, new Rows() {
                @Override
                public <T> T use(MappedInput.Work<T> work) throws IOException {
                    return work.run(x);
                }
            });
        }
        try (MappedInput input = MappedInput.open(c.data, "--data")) {
            return fitAndWrite(builder, input.data(), input::use);
        }
    }

    /** How the rows are read: in place, or through a mapping that checks the file afterwards. */
    private interface Rows {
        <T> T use(MappedInput.Work<T> work) throws IOException;
    }

    private int fitAndWrite(GaussianMixture.Builder builder, DataMatrix x, Rows rows) throws IOException {
        if (c.float32 && !x.isFloat32()) {
            throw new IllegalArgumentException("--float32: " + c.data + " stores float64 values, which a fit of an .npy "
                    + "file reads as they are; convert the file once: gmm convert --data " + c.data
                    + " --out X32.npy --float32");
        }
        IterationProgress iterations = new IterationProgress(ConsoleProgress.forConsole(), c.nInit, c.maxIter);
        // the pace of EM alone, between the first and the last iteration's end: no start, no first touch of the file
        long[] firstAndLast = new long[2];
        GaussianMixture config = builder.listener((init, iteration, bound, change) -> {
            firstAndLast[iteration == 1 ? 0 : 1] = System.nanoTime();
            return iterations.onIteration(init, iteration, bound, change);
        }).build();
        if (x.rows() > c.initSample) {
            config = SampledStart.of(config, x, c.initSample);
        }
        GaussianMixture chosen = config;
        GaussianMixtureModel model;
        double total;
        try {
            model = rows.use(chosen::fit);
            total = rows.use(data -> ChunkedScoring.totalLogLikelihood(model, data, c.data.toString()));
        } finally {
            iterations.done();
        }
        ModelFiles.write(new SavedModel(model, List.of()), c.out);
        int n = model.report().iterations();
        String pace = n < 2 || c.nInit > 1 ? "" : String.format(Locale.ROOT, " (%.3f s per iteration)",
                (firstAndLast[1] - firstAndLast[0]) / 1e9 / (n - 1));
        System.out.println(String.format(Locale.ROOT, "fit: %d iterations, converged=%s, lower bound %s, BIC %s -> %s%s",
                n, model.report().converged(), model.report().lowerBound(),
                ChunkedScoring.bic(model, total, x.rows()), c.out, pace));
        return 0;
    }

    private int online(GaussianMixture config, boolean stdin) throws IOException {
        if (c.batchSize < 1) {
            throw new IllegalArgumentException("--batch-size " + c.batchSize + ": give at least 1 row per batch "
                    + "(at least --components rows for the first)");
        }
        OnlineGaussianMixture session = OnlineGaussianMixture.of(config, c.stepExponent);
        List<String> names;
        if (MappedInput.isNpy(c.data)) {
            try (MappedInput input = MappedInput.open(c.data, "--data")) {
                input.use(x -> {
                    for (int from = 0; from < x.rows(); from += c.batchSize) {
                        session.partialFit(x.rowRange(from, (int) Math.min(x.rows(), (long) from + c.batchSize)));
                    }
                    return null;
                });
            }
            names = List.of();
        } else {
            if (!stdin) {
                FileChecks.requireInputFile(c.data, "--data");
            }
            CsvOptions.Header header = c.csv.headerMode();
            try (CsvRowReader rows = stdin ? CsvRowReader.open(System.in, "standard input", header)
                    : CsvRowReader.open(c.data, header)) {
                for (DataMatrix batch; (batch = rows.nextBatch(c.batchSize, c.float32)) != null; ) {
                    session.partialFit(batch);
                }
                names = rows.featureNames().getFirst().equals("column0") ? List.of() : rows.featureNames();
            }
        }
        GaussianMixtureModel model = session.model();
        ModelFiles.write(new SavedModel(model, names), c.out);
        System.out.println(String.format(Locale.ROOT,
                "fit --online: %d rows in %d batches (step exponent %s), last batch mean log-likelihood %s -> %s",
                session.rowsSeen(), session.batches(), session.stepExponent(), model.report().lowerBound(), c.out));
        return 0;
    }
}
