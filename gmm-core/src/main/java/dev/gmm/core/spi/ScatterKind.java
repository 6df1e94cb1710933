package dev.gmm.core.spi;

/** Which second-moment statistic a {@link CovarianceModel} needs the kernel to accumulate. */
public enum ScatterKind {
    /** Per component, the full D×D weighted scatter Σ rᵢₖ (xᵢ−cₖ)(xᵢ−cₖ)ᵀ. */
    FULL,
    /** Per component, only its diagonal Σ rᵢₖ (xᵢ−cₖ)². */
    DIAGONAL,
    /** One D×D matrix pooled over components: Σₖ Σᵢ rᵢₖ (xᵢ−cₖ)(xᵢ−cₖ)ᵀ. */
    POOLED
}
