package io.sinapse.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Small, seeded CSV files for the train, eval and predict tests. */
final class CsvFiles {

    private CsvFiles() {
    }

    /** Three flower species, separable by two measurements; an id column and a noise column. */
    static Path flowers(Path folder, int rows) throws IOException {
        Random random = new Random(1);
        String[] species = {"setosa", "versicolor", "virginica"};
        double[] length = {1.5, 4.3, 5.8};
        double[] width = {0.25, 1.3, 2.1};
        StringBuilder csv = new StringBuilder("id,petal_length,petal_width,noise,species\n");
        for (int i = 0; i < rows; i++) {
            int c = i % 3;
            csv.append(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%s%n", i,
                    length[c] + 0.25 * random.nextGaussian(), width[c] + 0.15 * random.nextGaussian(),
                    5 + random.nextGaussian(), species[c]));
        }
        return Files.writeString(folder.resolve("flowers.csv"), csv);
    }

    /** A price that is a linear function of rooms, area and age, plus noise. */
    static Path houses(Path folder, int rows) throws IOException {
        Random random = new Random(2);
        StringBuilder csv = new StringBuilder("rooms,area,age,price\n");
        for (int i = 0; i < rows; i++) {
            int rooms = 1 + random.nextInt(6);
            double area = 30 + 220 * random.nextDouble();
            double age = 80 * random.nextDouble();
            double price = 50_000 + 20_000 * rooms + 1_500 * area - 800 * age + 5_000 * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%.1f,%.0f%n", rooms, area, age, price));
        }
        return Files.writeString(folder.resolve("houses.csv"), csv);
    }
}
