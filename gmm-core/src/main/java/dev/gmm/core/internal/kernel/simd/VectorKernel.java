package dev.gmm.core.internal.kernel.simd;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.internal.kernel.EmKernel;
import dev.gmm.core.internal.kernel.MixtureState;
import dev.gmm.core.spi.PrecisionForm;
import dev.gmm.core.spi.ScatterKind;
import dev.gmm.core.spi.SufficientStatistics;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The EM kernel on the Vector API. Rows are processed in blocks copied into a feature-major scratch,
 * so that one vector holds one feature of {@code lanes} consecutive rows; factor entries and means
 * are broadcast. The block is padded to a whole number of vectors with zero rows of weight zero,
 * which add nothing to any sum. Components are handled one at a time (centre, project, square),
 * which keeps the scratch at O(D·block) whatever K is; the statistics pass recentres per component
 * rather than keeping K centred copies.
 *
 * <p>Loaded reflectively by {@code Kernels.simd()} only: no class the scalar path touches refers to
 * this one, so the incubator module is never needed when it is absent.
 */
public final class VectorKernel implements EmKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows per block: a multiple of the lane count, small enough for D·BLOCK doubles to stay in L2. */
    private static final int BLOCK = Math.max(LANES, (128 / LANES) * LANES);

    /** Public and argument-free for {@code Kernels.simd()}. */
    public VectorKernel() {
    }

    @Override
    public String name() {
        return "simd-" + LANES;
    }

    /** Per-thread scratch, feature-major: entry (j, r) of a block lives at {@code j·BLOCK + r}. */
    static final class VectorWorkspace implements Workspace {
        final double[] block;
        final double[] centred;
        final double[] logProb;
        final double[] weight;
        final double[] lse;
        final double[] resp;
        final double[] weightedFeature;

        VectorWorkspace(int k, int d) {
            block = new double[d * BLOCK];
            centred = new double[d * BLOCK];
            logProb = new double[k * BLOCK];
            weight = new double[BLOCK];
            lse = new double[BLOCK];
            resp = new double[BLOCK];
            weightedFeature = new double[BLOCK];
        }
    }

    @Override
    public Workspace newWorkspace(int components, int features) {
        return new VectorWorkspace(components, features);
    }

    /** Copies rows [from, from+n) transposed into ws.block, zero-padding up to BLOCK. */
    private static void load(DataMatrix data, int from, int n, int d, VectorWorkspace ws) {
        double[] b = ws.block;
        if (data.isFloat32()) {
            float[] v = data.floatValues();
            for (int r = 0; r < n; r++) {
                int base = (from + r) * d;
                for (int j = 0; j < d; j++) {
                    b[j * BLOCK + r] = v[base + j];
                }
            }
        } else {
            double[] v = data.values();
            for (int r = 0; r < n; r++) {
                int base = (from + r) * d;
                for (int j = 0; j < d; j++) {
                    b[j * BLOCK + r] = v[base + j];
                }
            }
        }
        if (n < BLOCK) {
            for (int j = 0; j < d; j++) {
                java.util.Arrays.fill(b, j * BLOCK + n, (j + 1) * BLOCK, 0.0);
            }
        }
    }

    /** ws.centred = block − μₖ, over padded rows [0, len). */
    private static void centre(MixtureState s, int k, int len, VectorWorkspace ws) {
        int d = s.features;
        for (int j = 0; j < d; j++) {
            DoubleVector mu = DoubleVector.broadcast(SPECIES, s.means[k * d + j]);
            int o = j * BLOCK;
            for (int r = 0; r < len; r += LANES) {
                DoubleVector.fromArray(SPECIES, ws.block, o + r).sub(mu).intoArray(ws.centred, o + r);
            }
        }
    }

    /** ws.logProb[k·BLOCK + r] = cₖ − ½‖(x − μₖ)·Uₖ‖², for ws.centred holding x − μₖ. */
    private static void logProbabilities(MixtureState s, int k, int len, VectorWorkspace ws) {
        int d = s.features;
        double[] z = ws.centred;
        double[] u = s.factors[k];
        DoubleVector half = DoubleVector.broadcast(SPECIES, -0.5);
        DoubleVector constant = DoubleVector.broadcast(SPECIES, s.constants[k]);
        boolean diagonal = s.form == PrecisionForm.DIAGONAL;
        for (int r = 0; r < len; r += LANES) {
            DoubleVector q = DoubleVector.zero(SPECIES);
            if (diagonal) {
                for (int j = 0; j < d; j++) {
                    DoubleVector y = DoubleVector.fromArray(SPECIES, z, j * BLOCK + r).mul(u[j]);
                    q = y.fma(y, q);
                }
            } else {
                // y_j = Σ_{i≤j} z_i U[i][j]: column j of the upper triangle.
                for (int j = 0; j < d; j++) {
                    DoubleVector y = DoubleVector.zero(SPECIES);
                    for (int i = 0; i <= j; i++) {
                        y = DoubleVector.fromArray(SPECIES, z, i * BLOCK + r)
                                .fma(DoubleVector.broadcast(SPECIES, u[i * d + j]), y);
                    }
                    q = y.fma(y, q);
                }
            }
            q.fma(half, constant).intoArray(ws.logProb, k * BLOCK + r);
        }
    }

    /** Fills ws.logProb for every component and ws.lse with the per-row log-sum-exp, rows [0, n). */
    private static void eStep(MixtureState s, int n, int len, VectorWorkspace ws) {
        int kk = s.components;
        for (int k = 0; k < kk; k++) {
            centre(s, k, len, ws);
            logProbabilities(s, k, len, ws);
        }
        double[] lp = ws.logProb;
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < kk; k++) {
                max = Math.max(max, lp[k * BLOCK + r]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                ws.lse[r] = max;
                continue;
            }
            double sum = 0;
            for (int k = 0; k < kk; k++) {
                sum += Math.exp(lp[k * BLOCK + r] - max);
            }
            ws.lse[r] = max + Math.log(sum);
        }
    }

    /** Rows rounded up to whole vectors. */
    private static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    /** Loads the block of rows starting at {@code start} and runs the E-step on it; returns its row count. */
    private static int evaluateBlock(DataMatrix data, int start, int to, MixtureState s, VectorWorkspace ws) {
        int n = Math.min(BLOCK, to - start);
        load(data, start, n, s.features, ws);
        eStep(s, n, padded(n), ws);
        return n;
    }

    @Override
    public double accumulate(DataMatrix data, double[] sampleWeights, int from, int to, MixtureState s,
                             ScatterKind kind, SufficientStatistics out, Workspace workspace) {
        VectorWorkspace ws = (VectorWorkspace) workspace;
        int d = s.features;
        int kk = s.components;
        double[] nk = out.rawWeights();
        double[] first = out.rawFirstMoments();
        double[] scatter = out.rawScatter();
        double logLikelihood = 0;
        double total = 0;
        for (int start = from; start < to; start += BLOCK) {
            int n = evaluateBlock(data, start, to, s, ws);
            int len = padded(n);
            for (int r = 0; r < n; r++) {
                double w = sampleWeights == null ? 1.0 : sampleWeights[start + r];
                ws.weight[r] = w;
                logLikelihood += w * ws.lse[r];
                total += w;
            }
            for (int k = 0; k < kk; k++) {
                double sumR = 0;
                for (int r = 0; r < n; r++) {
                    double resp = ws.weight[r] * Math.exp(ws.logProb[k * BLOCK + r] - ws.lse[r]);
                    ws.resp[r] = resp;
                    sumR += resp;
                }
                java.util.Arrays.fill(ws.resp, n, len, 0.0);
                nk[k] += sumR;
                centre(s, k, len, ws);
                addMoments(ws, k, d, len, kind, first, scatter);
            }
        }
        out.setTotalWeight(out.totalWeight() + total);
        return logLikelihood;
    }

    /** Adds Σ r z_a to the first moments and the scatter of {@code kind}, for ws.centred = x − μₖ. */
    private static void addMoments(VectorWorkspace ws, int k, int d, int len, ScatterKind kind,
                                   double[] first, double[] scatter) {
        double[] z = ws.centred;
        double[] rz = ws.weightedFeature;
        for (int a = 0; a < d; a++) {
            int oa = a * BLOCK;
            DoubleVector acc = DoubleVector.zero(SPECIES);
            for (int r = 0; r < len; r += LANES) {
                DoubleVector v = DoubleVector.fromArray(SPECIES, ws.resp, r)
                        .mul(DoubleVector.fromArray(SPECIES, z, oa + r));
                v.intoArray(rz, r);
                acc = acc.add(v);
            }
            first[k * d + a] += acc.reduceLanes(VectorOperators.ADD);
            switch (kind) {
                case DIAGONAL -> scatter[k * d + a] += dot(rz, z, oa, len);
                case FULL -> addRow(scatter, (k * d + a) * d, rz, z, a, d, len);
                case POOLED -> addRow(scatter, a * d, rz, z, a, d, len);
            }
        }
    }

    /** scatter[row + b] += Σ_r rz[r]·z[b][r] for b ≥ a. */
    private static void addRow(double[] scatter, int row, double[] rz, double[] z, int a, int d, int len) {
        for (int b = a; b < d; b++) {
            scatter[row + b] += dot(rz, z, b * BLOCK, len);
        }
    }

    private static double dot(double[] rz, double[] z, int zo, int len) {
        DoubleVector acc = DoubleVector.zero(SPECIES);
        for (int r = 0; r < len; r += LANES) {
            acc = DoubleVector.fromArray(SPECIES, rz, r).fma(DoubleVector.fromArray(SPECIES, z, zo + r), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    @Override
    public void logLikelihoods(DataMatrix data, int from, int to, MixtureState s, double[] logLikelihood,
                               double[] logResponsibilities, Workspace workspace) {
        VectorWorkspace ws = (VectorWorkspace) workspace;
        int kk = s.components;
        for (int start = from; start < to; start += BLOCK) {
            int n = evaluateBlock(data, start, to, s, ws);
            for (int r = 0; r < n; r++) {
                int i = start + r - from;
                logLikelihood[i] = ws.lse[r];
                if (logResponsibilities != null) {
                    for (int k = 0; k < kk; k++) {
                        logResponsibilities[i * kk + k] = ws.logProb[k * BLOCK + r] - ws.lse[r];
                    }
                }
            }
        }
    }
}
