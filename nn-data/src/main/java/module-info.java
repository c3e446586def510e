/**
 * Real data in, clean batches out: the examples a {@code Trainer} consumes, as {@code io.sinapse.core.Dataset}s.
 *
 * <ul>
 *   <li>Loading: CSV files with a header ({@link io.sinapse.data.CsvLoader}, RFC 4180 via Apache Commons CSV),
 *       IDX files, the MNIST format, plain or gzip ({@link io.sinapse.data.IdxReader}), and Fashion-MNIST from
 *       the Debian package {@code dataset-fashion-mnist} ({@link io.sinapse.data.FashionMnist}).</li>
 *   <li>The course's small tables and seeded generators, by name ({@link io.sinapse.data.BuiltinDatasets}).</li>
 *   <li>Preparing: feature scaling fitted on the training split only ({@link io.sinapse.data.Scaler}), seeded and
 *       stratified train/validation/test splits ({@link io.sinapse.data.Split}) and a mini-batch cursor that
 *       reuses its buffers ({@link io.sinapse.data.MiniBatches}).</li>
 * </ul>
 *
 * <p>Bad input fails with a {@link io.sinapse.data.DataException} naming the file, line and column, before
 * anything is returned. Uses no plug-in SPI and provides none.
 */
module io.sinapse.data {
    requires transitive io.sinapse.core;
    requires org.apache.commons.csv;
    requires org.slf4j;

    exports io.sinapse.data;
}
