/**
 * The public API of gmm-datasets: generators ({@link dev.gmm.datasets.Generators}), loaders of the
 * real formats, scalers, PCA.
 *
 * <p>The loaders are also {@link dev.gmm.core.app.spi.DatasetProvider}s, found by name (as {@code gmm
 * inspect --dataset NAME [--path P]} does):
 * <table>
 *   <caption>Data set providers</caption>
 *   <tr><th>name</th><th>path</th><th>rows, columns, labels</th></tr>
 *   <tr><td>{@code iris}</td><td>none (bundled)</td><td>150 flowers, 4 measurements, 3 species</td></tr>
 *   <tr><td>{@code california-housing}</td><td>{@code housing.csv}, {@code cal_housing.data} or their
 *       folder</td><td>20,640 districts, scikit-learn's 8 features (DESIGN.md Decision 12); no labels, the
 *       target MedHouseVal is in {@link dev.gmm.datasets.CaliforniaHousing#read}</td></tr>
 *   <tr><td>{@code mnist}, {@code fashion-mnist}</td><td>a folder of IDX files (every split, train then
 *       t10k) or one {@code *-images-idx3-ubyte[.gz]}</td><td>one row of 784 pixel values 0..255 per
 *       image (float32), 10 classes</td></tr>
 *   <tr><td>{@code cifar10}</td><td>a folder of binary batches (data_batch_1..N, then test_batch, then
 *       any other {@code .bin}), one {@code .bin}, or a folder of PNGs with a labels CSV</td><td>3,072
 *       values per image (red, green, blue planes), 10 classes</td></tr>
 *   <tr><td>{@code ravdess}</td><td>the folder holding {@code Actor_NN}</td><td>one row per recording:
 *       its 7 file-name fields and the actor's sex; labels: the emotion (8 names)</td></tr>
 * </table>
 *
 * <p>Malformed files are refused with an {@link java.io.IOException} naming the file, the line or
 * byte offset, and what was expected; sizes in binary headers are checked against the file before
 * anything is allocated for them.
 */
package dev.gmm.datasets;
