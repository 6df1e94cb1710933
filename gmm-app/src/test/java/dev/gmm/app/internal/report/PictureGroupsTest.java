package dev.gmm.app.internal.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PictureGroupsTest {
    private static Figure picture(String title) {
        return Figure.drawn("picture", title, title + ".png");
    }

    @Test
    void anOriginalAndItsSegmentationsStayTogether() {
        List<Figure> pictures = List.of(picture("digit 0"), picture("digit 0 gmm segments"),
                picture("digit 0 kmeans segments"), picture("digit 1"), picture("digit 1 gmm segments"));
        List<List<Figure>> groups = PictureGroups.of(pictures);
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).extracting(Figure::title)
                .containsExactly("digit 0", "digit 0 gmm segments", "digit 0 kmeans segments");
        assertThat(groups.get(1)).hasSize(2);
    }

    @Test
    void picturesWithNothingInCommonFormOneGroup() {
        List<Figure> pictures = List.of(picture("original"), picture("gmm K=2 recoloured"), picture("kmeans K=2 recoloured"));
        assertThat(PictureGroups.of(pictures)).singleElement().asList().hasSize(3);
        assertThat(PictureGroups.of(List.of())).isEmpty();
    }
}
