package dev.gmm.parsimonious;

import java.util.Arrays;
import java.util.List;

/**
 * mclust's 14 eigen-decomposed covariance models Σₖ = λₖ·Dₖ·Aₖ·Dₖᵀ (volume λ, shape A, orientation
 * D), each named by whether volume, shape and orientation are Equal across components, Variable, or
 * the Identity (Celeux &amp; Govaert 1995; Fraley &amp; Raftery). Each is a {@code CovarianceModel}
 * registered under mclust's name ({@code "VEV"}; the registry finds names regardless of case, so
 * {@code --covariance vev} works too); VII, VVI, EEE and VVV are aliases of scikit-learn's spherical,
 * diag, tied and full.
 */
public enum MclustModel {
    EII, VII, EEI, VEI, EVI, VVI, EEE, VEE, EVE, VVE, EEV, VEV, EVV, VVV;

    /** The name the model is registered under in gmm's plugin registry: mclust's own. */
    public String providerName() {
        return name();
    }

    /** True for the models with diagonal covariances (orientation the identity): the kernel's diagonal path. */
    public boolean diagonal() {
        return name().endsWith("I");
    }

    /** The scikit-learn type this model is, or null for the ten scikit-learn lacks. */
    public String sklearnType() {
        return switch (this) {
            case VII -> "spherical";
            case VVI -> "diag";
            case EEE -> "tied";
            case VVV -> "full";
            default -> null;
        };
    }

    /** True when the M-step iterates (mclust runs it to sqrt(machine eps)): VEI, VEE, EVE, VVE and VEV. */
    public boolean iterativeMStep() {
        return switch (this) {
            case VEI, VEE, EVE, VVE, VEV -> true;
            default -> false;
        };
    }

    /** One line for {@code gmm plugins}: what is equal, variable or the identity. */
    public String description() {
        char[] letters = name().toCharArray();
        return "mclust " + name() + ": volume " + word(letters[0]) + ", shape " + word(letters[1])
                + ", orientation " + (letters[2] == 'I' ? "axis-aligned" : word(letters[2]))
                + (sklearnType() == null ? "" : " (scikit-learn's " + sklearnType() + ")");
    }

    private static String word(char letter) {
        return switch (letter) {
            case 'E' -> "equal";
            case 'V' -> "variable";
            default -> "identity";
        };
    }

    /**
     * Free parameters of the covariances for K components and D features, mclust's {@code nVarParams}
     * (so that BIC, AIC and ICL count as mclust's {@code nMclustParams} does).
     */
    public long covarianceParameterCount(int components, int features) {
        long k = components;
        long d = features;
        long orientation = d * (d - 1) / 2;
        return switch (this) {
            case EII -> 1;
            case VII -> k;
            case EEI -> d;
            case VEI -> k + d - 1;
            case EVI -> 1 + k * (d - 1);
            case VVI -> k * d;
            case EEE -> d * (d + 1) / 2;
            case VEE -> k + d - 1 + orientation;
            case EVE -> 1 + k * (d - 1) + orientation;
            case VVE -> k * d + orientation;
            case EEV -> d + k * orientation;
            case VEV -> k + d - 1 + k * orientation;
            case EVV -> 1 + k * (d * (d + 1) / 2 - 1);
            case VVV -> k * d * (d + 1) / 2;
        };
    }

    /** The model's name letters as a list, mclust's order: {@code [EII, VII, …, VVV]}. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /**
     * The model named {@code name}, in mclust's spelling or gmm's lower case ("EVE", "eve").
     *
     * @throws IllegalArgumentException listing the 14 names when there is no such model
     */
    public static MclustModel of(String name) {
        if (name != null) {
            for (MclustModel m : values()) {
                if (m.name().equalsIgnoreCase(name.trim())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("no mclust model named '" + name + "': choose one of " + names()
                + " (volume, shape, orientation each Equal, Variable or Identity)");
    }
}
