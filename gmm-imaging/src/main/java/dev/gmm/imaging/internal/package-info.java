/**
 * gmm-imaging's experiments ({@code segment-image}, {@code segment-mnist}, {@code segment-cifar},
 * {@code cluster-digits}), registered as {@code Experiment} providers, and what only they use: image
 * sets (MNIST, CIFAR-10), generated test images, per-method statistics. Not exported: the module's
 * API is {@link dev.gmm.imaging.PixelMatrix}, {@link dev.gmm.imaging.Segmenter} and their results.
 */
package dev.gmm.imaging.internal;
