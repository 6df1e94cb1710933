package dev.gmm.datasets;

import dev.gmm.core.Plugins;
import dev.gmm.core.app.spi.DatasetProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Both raw layouts of California Housing, written by the test, give sklearn's features. */
class CaliforniaHousingTest {
    @TempDir
    Path dir;

    @Test
    void bothLayoutsGiveTheSameFeaturesAndTarget() throws IOException {
        Files.writeString(dir.resolve("cal_housing.data"),
                "-122.23,37.88,41,880,129,322,126,8.3252,452600\n-122.22,37.86,21,7099,1106,2401,1138,8.3014,358500\n");
        Path csvDir = Files.createDirectory(dir.resolve("csv"));
        Files.writeString(csvDir.resolve("housing.csv"), "longitude,latitude,housing_median_age,total_rooms,"
                + "total_bedrooms,population,households,median_income,median_house_value,ocean_proximity\n"
                + "-122.23,37.88,41,880,129,322,126,8.3252,452600,NEAR BAY\n"
                + "-122.22,37.86,21,7099,1106,2401,1138,8.3014,358500,NEAR BAY\n"
                + "-122.0,37.0,10,100,,50,10,1.5,100000,INLAND\n");
        CaliforniaHousing.Data a = CaliforniaHousing.read(dir.resolve("cal_housing.data"));
        CaliforniaHousing.Data b = CaliforniaHousing.read(csvDir);
        assertThat(a.dataset().featureNames()).containsExactly("MedInc", "HouseAge", "AveRooms", "AveBedrms",
                "Population", "AveOccup", "Latitude", "Longitude");
        assertThat(a.dataset().data().get(0, 0)).isEqualTo(8.3252);
        assertThat(a.dataset().data().get(0, 2)).isCloseTo(880.0 / 126, within(1e-12));
        assertThat(a.dataset().data().get(0, 7)).isEqualTo(-122.23);
        assertThat(a.medHouseVal()[0]).isCloseTo(4.526, within(1e-12));
        assertThat(b.dataset().data().rows()).isEqualTo(3);
        assertThat(b.dataset().data().get(2, 3)).isCloseTo((129 + 1106) / 2.0 / 10, within(1e-12));
        for (int j = 0; j < 8; j++) {
            assertThat(b.dataset().data().get(1, j)).isEqualTo(a.dataset().data().get(1, j));
        }
        assertThat(Plugins.find(DatasetProvider.class, "california-housing").load(dir).data().rows()).isEqualTo(2);
    }
}
