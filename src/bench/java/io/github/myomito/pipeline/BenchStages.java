package io.github.myomito.pipeline;

/** The package-private stages of {@link ImageAnalysis}, for the stage split of the benchmark only. */
public final class BenchStages {

	private BenchStages() {}

	/** @see ImageAnalysis#support */
	public static byte[] support(final float[] mito, final int[] dims, final double[] sp, final AnalysisSettings s) {
		return ImageAnalysis.support(mito, dims, sp, s);
	}

	/** @see ImageAnalysis#periodicAxis */
	public static double[] periodicAxis(final float[] img, final byte[] region, final int[] dims, final double[] sp, final AnalysisSettings s, final double textureDeg) {
		return ImageAnalysis.periodicAxis(img, region, dims, sp, s, textureDeg);
	}

	/** @see ImageAnalysis#endCorrectionImage */
	public static float[] endCorrectionImage(final float[] mito, final int[] dims, final double[] sp) {
		return ImageAnalysis.endCorrectionImage(mito, dims, sp);
	}

	/** @see ImageAnalysis#endCorrectionSigma */
	public static double endCorrectionSigma(final AnalysisSettings s, final double[] sp) {
		return ImageAnalysis.endCorrectionSigma(s, sp);
	}

	/** A fingerprint (SHA-256 prefix) of all result tables of an analysis, to compare runs for identity. */
	public static String fingerprint(final ImageAnalysis.Result r) {
		try {
			final java.io.StringWriter w = new java.io.StringWriter();
			for (final io.github.myomito.results.Table t : ResultTables.of(r, "bench", "bench").tables().values()) t.writeCsv(w);
			final byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			final StringBuilder sb = new StringBuilder();
			for (int i = 0; i < 6; i++) sb.append(String.format("%02x", h[i]));
			return sb.toString();
		}
		catch (final java.io.IOException | java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
