package io.github.myomito.dynamics;

/**
 * Photobleaching correction by an exponential fit of the mean intensity: {@code ln m(t) = ln a − λ t}
 * fitted by least squares to the frames' mean grey values {@code m(t) > 0}; frame t is multiplied by
 * {@code f(t) = e^{λ t}} so that the fitted signal stays at its t = 0 level (the "simple ratio"/
 * exponential-fit family of corrections compared by K. Miura, "Bleach correction ImageJ plugin for
 * compensating the photobleaching of time-lapse sequences", F1000Research 9:1494, 2020,
 * doi:10.12688/f1000research.27171.1). A fit that brightens (λ &lt; 0) is not applied. The background is
 * not subtracted, so the correction under-corrects the signal slightly; the per-frame automatic threshold
 * absorbs the rest.
 */
public final class Bleaching {

	private Bleaching() {}

	/**
	 * @param means mean grey value per frame
	 * @param intervalS seconds between frames
	 * @return λ, per second (0 when the fit is undefined or does not decay)
	 */
	public static double decayRate(final double[] means, final double intervalS) {
		double n = 0, st = 0, sy = 0, stt = 0, sty = 0;
		for (int t = 0; t < means.length; t++) {
			if (!(means[t] > 0)) continue;
			final double x = t * intervalS, y = Math.log(means[t]);
			n++; st += x; sy += y; stt += x * x; sty += x * y;
		}
		final double den = n * stt - st * st;
		if (n < 2 || !(den > 0)) return 0;
		final double slope = (n * sty - st * sy) / den;
		return slope < 0 ? -slope : 0;
	}

	/**
	 * @param lambda decay rate from {@link #decayRate}
	 * @return the factor {@code e^{λ t}} for time t (s)
	 */
	public static double factor(final double lambda, final double timeS) {
		return Math.exp(lambda * timeS);
	}
}
