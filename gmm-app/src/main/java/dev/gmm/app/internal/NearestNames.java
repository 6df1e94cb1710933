package dev.gmm.app.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The known names nearest a mistyped one, for "did you mean ...?". picocli suggests options only by
 * their first two letters, which misses the common slip of writing scikit-learn's snake_case
 * ({@code --n_init} for {@code --n-init}); this compares whole names by edit distance, with '_' and
 * '-' and letter case counted as the same.
 */
public final class NearestNames {
    /** Edits at most for a name to count as meant. */
    private static final int MAX_EDITS = 2;

    private NearestNames() {
    }

    /**
     * The names of {@code known} nearest {@code typed}, if within two edits: up to three, all at the
     * same (least) distance, so that {@code --dat} gets {@code --data} and not also {@code --out},
     * two edits away. Only the exact ones when {@code typed} differs from some just by '_' or case.
     */
    public static List<String> of(String typed, Collection<String> known) {
        String t = normal(typed);
        int least = known.stream().mapToInt(k -> distance(t, normal(k))).min().orElse(Integer.MAX_VALUE);
        if (least > MAX_EDITS) {
            return List.of();
        }
        return known.stream().filter(k -> distance(t, normal(k)) == least).sorted().limit(3).toList();
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
