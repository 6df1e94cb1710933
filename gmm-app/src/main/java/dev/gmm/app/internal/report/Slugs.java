package dev.gmm.app.internal.report;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** File and anchor names made from titles: lower case ASCII letters, digits and '-'. */
final class Slugs {
    private static final int MAX_LENGTH = 60;

    private Slugs() {
    }

    static String slug(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "untitled" : s;
    }

    /** The slug, or the slug with "-2", "-3", ... when already used; records the one returned. */
    static String unique(Set<String> used, String slug) {
        String candidate = slug;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = slug + "-" + i;
        }
        return candidate;
    }
}
