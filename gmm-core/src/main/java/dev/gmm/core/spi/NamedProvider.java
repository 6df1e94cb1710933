package dev.gmm.core.spi;

/**
 * What every plugin has: a unique name to be found by ({@code "full"}, {@code "kmeans"},
 * {@code "silhouette_score"}, ...) and a one-line description for {@code gmm plugins}.
 *
 * <p>Names are lower case letters, digits, '-', '_' and '.', so they are safe on a command line.
 */
public interface NamedProvider {

    /** The name users pass to select this provider. */
    String name();

    /** One line saying what it does. */
    default String description() {
        return "";
    }
}
