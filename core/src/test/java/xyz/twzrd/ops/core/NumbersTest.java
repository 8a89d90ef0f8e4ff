package xyz.twzrd.ops.core;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {
    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void bytesAreHuman() {
        assertThat(Numbers.bytes(512)).isEqualTo("512 B");
        assertThat(Numbers.bytes(1023)).isEqualTo("1023 B");
        assertThat(Numbers.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(Numbers.bytes(558L * 1024 * 1024)).isEqualTo("558 MiB");
        assertThat(Numbers.bytes(99L * 1024 * 1024 + 512 * 1024)).isEqualTo("99.5 MiB");
        assertThat(Numbers.bytes(8 * GIB)).isEqualTo("8.0 GiB");
        assertThat(Numbers.bytes(3 * 1024 * 1024 * GIB)).isEqualTo("3.0 PiB");
        assertThat(Numbers.bytes(5000L * 1024 * 1024 * GIB)).as("the largest unit keeps counting").isEqualTo("5000 PiB");
    }

    @Test
    void plainNumbersAsGiven() {
        assertThat(Numbers.plain(80)).isEqualTo("80");
        assertThat(Numbers.plain(0)).isEqualTo("0");
        assertThat(Numbers.plain(0.7)).isEqualTo("0.7");
        assertThat(Numbers.plain(1.25)).isEqualTo("1.25");
    }

    @Test
    void fixedDecimalsAndPercentages() {
        assertThat(Numbers.fixed(2.345, 1)).isEqualTo("2.3");
        assertThat(Numbers.fixed(4.14, 2)).isEqualTo("4.14");
        assertThat(Numbers.fixed(12, 2)).isEqualTo("12.00");
        assertThat(Numbers.percent(61.26, 1)).isEqualTo("61.3%");
        assertThat(Numbers.percent(74.6, 0)).isEqualTo("75%");
    }

    @Test
    void reportValuesWithoutNeedlessDecimals() {
        assertThat(Numbers.compact(3)).isEqualTo("3");
        assertThat(Numbers.compact(61.256)).isEqualTo("61.26");
        assertThat(Numbers.compact(1e16)).isEqualTo("10000000000000000.00");
        assertThat(Numbers.value(61.5, "%")).isEqualTo("61.50 %");
        assertThat(Numbers.value(4.0, "")).isEqualTo("4");
        assertThat(Numbers.value(4.0, null)).isEqualTo("4");
        assertThat(Numbers.value(null, "%")).isEqualTo("-");
    }

    @Test
    void aDecimalPointWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Numbers.fixed(2.5, 1)).isEqualTo("2.5");
            assertThat(Numbers.bytes(8 * GIB)).isEqualTo("8.0 GiB");
            assertThat(Numbers.compact(0.25)).isEqualTo("0.25");
        } finally {
            Locale.setDefault(before);
        }
    }
}
