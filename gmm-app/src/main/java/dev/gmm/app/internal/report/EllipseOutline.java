package dev.gmm.app.internal.report;

/**
 * The outline of a 2-D Gaussian's level set: the points {@code p} with
 * {@code (p - c)ᵀ Σ⁻¹ (p - c) = k²}, i.e. the ellipse at {@code k} standard deviations.
 */
final class EllipseOutline {
    private EllipseOutline() {
    }

    /**
     * {@code points} points of the closed outline (the first repeated at the end), as {xs, ys}.
     *
     * @throws IllegalArgumentException when the covariance is not a symmetric positive semi-definite 2×2
     */
    static double[][] points(double cx, double cy, double[][] covariance, double sigmas, int points) {
        if (covariance.length != 2 || covariance[0].length != 2 || covariance[1].length != 2) {
            throw new IllegalArgumentException("an ellipse needs a 2x2 covariance, got " + covariance.length + " rows");
        }
        double a = covariance[0][0];
        double b = 0.5 * (covariance[0][1] + covariance[1][0]);
        double c = covariance[1][1];
        if (!(a >= 0 && c >= 0 && a * c - b * b >= -1e-12 * Math.max(1, a * c)) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("ellipse covariance [[" + a + ", " + b + "], [" + b + ", " + c
                    + "]] is not positive semi-definite");
        }
        // Eigen-decomposition of the symmetric 2x2: half-axes sqrt(λ) along the eigenvectors.
        double mean = 0.5 * (a + c);
        double radius = Math.hypot(0.5 * (a - c), b);
        double major = Math.sqrt(Math.max(0, mean + radius)) * sigmas;
        double minor = Math.sqrt(Math.max(0, mean - radius)) * sigmas;
        double angle = 0.5 * Math.atan2(2 * b, a - c);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] xs = new double[points + 1];
        double[] ys = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            double t = 2 * Math.PI * (i % points) / points;
            double u = major * Math.cos(t);
            double v = minor * Math.sin(t);
            xs[i] = cx + u * cos - v * sin;
            ys[i] = cy + u * sin + v * cos;
        }
        return new double[][] {xs, ys};
    }
}
