/**
 * Mitophagy read-outs: LC3 / mitochondria colocalisation, pixel- and object-based.
 * <p>
 * Pixel-based: {@link io.github.myomito.coloc.PixelColocalisation} (Pearson, Manders M1/M2 and tM1/tM2,
 * Costes thresholds and in-mask block randomisation, Spearman, Kendall τ-b, Li's ICQ; results in
 * {@link io.github.myomito.coloc.ColocResult}). Object-based: {@link io.github.myomito.coloc.PunctaDetector}
 * finds LC3 puncta by Difference of Gaussians and relates them to mitochondria;
 * {@link io.github.myomito.coloc.MitophagyAnalysis} summarises densities, mitophagosome fraction and
 * LC3-positive mitochondria.
 * <p>
 * References: E. M. M. Manders et al., J Microsc 169:375–382, 1993, doi:10.1111/j.1365-2818.1993.tb03313.x;
 * S. V. Costes et al., Biophys J 86:3993–4003, 2004, doi:10.1529/biophysj.103.038422; Q. Li et al.,
 * J Neurosci 24:4070–4081, 2004, doi:10.1523/JNEUROSCI.0346-04.2004; W. R. Knight, J Am Stat Assoc
 * 61:436–439, 1966, doi:10.1080/01621459.1966.10480879; S. Bolte and F. P. Cordelières, J Microsc
 * 224:213–232, 2006, doi:10.1111/j.1365-2818.2006.01706.x.
 * <p>
 * All inputs are flat arrays in order {@code x + w*(y + h*z)} with {@code int[] dims} and
 * {@code double[] spacing} (µm per pixel); 2D and 3D share one code path.
 */
package io.github.myomito.coloc;
