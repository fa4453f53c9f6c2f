package io.github.myomito.cli;

import io.github.myomito.coloc.ColocSettings;
import picocli.CommandLine.Option;

/**
 * The microscope's lateral PSF on the command line, shared by {@code analyze} and {@code coloc} (a picocli
 * mixin): {@code --psf-um FWHM}, or {@code --wavelength-nm} with {@code --na} (FWHM = 0.51·λ/NA, as
 * {@link ColocSettings.Builder#psfFromOptics}); neither = the default, 520 nm at NA 1.4.
 */
final class PsfOptions {

	@Option(names = "--psf-um", paramLabel = "UM", description = "Lateral PSF FWHM in µm (default 0.51·520 nm / NA 1.4 = 0.189).")
	Double psfUm;

	@Option(names = "--wavelength-nm", paramLabel = "NM", description = "Emission wavelength, with --na, to derive the PSF (FWHM = 0.51·λ/NA).")
	Double wavelength;

	@Option(names = "--na", paramLabel = "NA", description = "Numerical aperture of the objective (with --wavelength-nm).")
	Double na;

	/**
	 * @return the FWHM in µm from whichever form was given, NaN when none was
	 * @throws Main.UsageException for a non-positive FWHM, a wavelength without NA (or the reverse), both forms
	 *             at once, or optics out of range
	 */
	double fwhmUm() {
		if (psfUm != null && (wavelength != null || na != null)) throw new Main.UsageException("give the PSF either as --psf-um or as --wavelength-nm with --na, not both");
		if ((wavelength == null) != (na == null)) throw new Main.UsageException("--wavelength-nm and --na go together");
		if (psfUm != null) {
			if (!(psfUm > 0 && Double.isFinite(psfUm))) throw new Main.UsageException("--psf-um must be a positive number of µm, got " + psfUm);
			return psfUm;
		}
		if (wavelength == null) return Double.NaN;
		try {
			return ColocSettings.builder().psfFromOptics(wavelength, na).build().psfLateralUm();
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException("--wavelength-nm/--na: " + e.getMessage());
		}
	}
}
