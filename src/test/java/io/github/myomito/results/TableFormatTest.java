package io.github.myomito.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reals in the tables: no binary summation noise, one spelling for missing values, still reproducible. */
class TableFormatTest {

	@Test
	void summationNoiseDoesNotShow() {
		assertThat(Double.toString(0.1 + 0.2)).isEqualTo("0.30000000000000004"); // the noise that used to be written
		assertThat(Table.format(0.1 + 0.2)).isEqualTo("0.3");
		assertThat(Table.format(Math.nextUp(79.74))).isEqualTo("79.74");
		assertThat(Table.format(Math.nextDown(79.74))).isEqualTo("79.74");
	}

	@Test
	void significantDigitsAreKept() {
		assertThat(Table.format(Math.PI)).isEqualTo("3.14159265359");
		assertThat(Table.format(1.0 / 3e7)).isEqualTo("3.33333333333E-8");
		assertThat(Table.format(123456.789012345)).isEqualTo("123456.789012");
		assertThat(Table.format(2.0)).isEqualTo("2.0");
		assertThat(Table.format(-0.25)).isEqualTo("-0.25");
		assertThat(Table.format(0.0)).isEqualTo("0.0");
		assertThat(Table.format(42L)).isEqualTo("42");
	}

	@Test
	void missingValues() {
		assertThat(Table.format(Double.NaN)).isEqualTo("NaN");
		assertThat(Table.format(Float.NaN)).isEqualTo("NaN");
		assertThat(Table.format(null)).isEmpty();
		assertThat(Table.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
	}

	@Test
	void formattedValuesReadBackToTheSameText() {
		final java.util.Random r = new java.util.Random(7);
		for (int i = 0; i < 10000; i++) {
			final double d = Math.exp(40 * r.nextDouble() - 20) * (r.nextBoolean() ? 1 : -1);
			final String f = Table.format(d);
			assertThat(Table.format(Double.parseDouble(f))).isEqualTo(f);
			assertThat(Math.abs(Double.parseDouble(f) / d - 1)).isLessThan(1e-11);
		}
	}
}
