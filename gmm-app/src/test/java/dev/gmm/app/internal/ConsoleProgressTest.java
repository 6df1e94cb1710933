package dev.gmm.app.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {

    @Test
    void aKnownTotalDrawsABarWithPercentCountAndTime() {
        assertThat(ConsoleProgress.line("[2/9] blobs", "grid search", 6, 12, 65))
                .isEqualTo("[2/9] blobs · grid search [############------------]  50%  6/12  1:05");
    }

    @Test
    void anUnknownTotalShowsACountOnly() {
        assertThat(ConsoleProgress.line("", "reading", 0, 0, 3)).isEqualTo("reading  0:03");
        assertThat(ConsoleProgress.line("s", "", 7, -1, 3)).isEqualTo("s  7  0:03");
    }

    @Test
    void redrawsInPlaceAndClearsTheLineWhenDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress bar = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.start("fits", 2);
        bar.advance(1);
        bar.advance(1);
        bar.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rfits [").contains("2/2").doesNotContain("\n").endsWith("\r");
    }
}
