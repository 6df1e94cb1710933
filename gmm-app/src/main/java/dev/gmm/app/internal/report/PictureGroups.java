package dev.gmm.app.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps pictures that belong together side by side: consecutive pictures whose titles start with the
 * same two words ("digit 3", "digit 3 gmm segments", "digit 3 kmeans segments") form one group, so an
 * original and its segmentations stay on one line. When no two consecutive titles share a start, all
 * pictures form one group.
 */
final class PictureGroups {
    private PictureGroups() {
    }

    static List<List<Figure>> of(List<Figure> pictures) {
        List<List<Figure>> groups = new ArrayList<>();
        String previous = null;
        for (Figure f : pictures) {
            String key = key(f.title());
            if (groups.isEmpty() || !key.equals(previous)) {
                groups.add(new ArrayList<>());
            }
            groups.getLast().add(f);
            previous = key;
        }
        if (groups.size() == pictures.size() && !pictures.isEmpty()) {
            return List.of(List.copyOf(pictures));
        }
        return groups.stream().map(List::copyOf).toList();
    }

    /** The first two words, lower case. */
    static String key(String title) {
        String[] words = (title == null ? "" : title.trim().toLowerCase(Locale.ROOT)).split("\\s+");
        return words.length <= 2 ? String.join(" ", words) : words[0] + " " + words[1];
    }
}
