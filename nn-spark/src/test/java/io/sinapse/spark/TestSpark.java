package io.sinapse.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test run (starting Spark takes seconds): two worker threads and at most two
 * attempts per task ({@code local[2,2]}), no UI, two shuffle partitions. Spark stops it at JVM exit.
 */
final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            long started = System.nanoTime();
            session = SparkSession.builder().appName("nn-spark tests").master("local[2,2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            System.out.printf("Spark started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        return session;
    }
}
