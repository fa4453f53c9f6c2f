package io.github.myomito.image;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vendor microscope file formats that ImageJ 1.x cannot read without Bio-Formats (Zeiss CZI, Nikon
 * ND2, Leica LIF, Olympus OIB/OIR, Imaris IMS, …): recognised by their name so that a folder of them is
 * not silently empty, and every such file is named with the way to convert it to TIFF.
 */
public final class MicroscopeFormats {

	/** How to convert, said once after the list of skipped files. */
	public static final String HOW_TO_CONVERT = "MyoMito reads TIFF (also PNG/JPEG): convert them in Fiji with File > Import > Bio-Formats, then "
		+ "File > Save As > Tiff (or in batch: bfconvert in.czi out.ome.tif, from Bio-Formats' bftools)";

	private static final Map<String, String> FORMATS = new TreeMap<>();
	static {
		FORMATS.put(".czi", "Zeiss CZI");
		FORMATS.put(".zvi", "Zeiss ZVI");
		FORMATS.put(".lsm", "Zeiss LSM");
		FORMATS.put(".nd2", "Nikon ND2");
		FORMATS.put(".lif", "Leica LIF");
		FORMATS.put(".lof", "Leica LOF");
		FORMATS.put(".lei", "Leica LEI");
		FORMATS.put(".oib", "Olympus OIB");
		FORMATS.put(".oif", "Olympus OIF");
		FORMATS.put(".oir", "Olympus OIR");
		FORMATS.put(".vsi", "Olympus VSI");
		FORMATS.put(".ims", "Imaris IMS");
		FORMATS.put(".dv", "DeltaVision DV");
		FORMATS.put(".ome.zarr", "OME-Zarr");
		FORMATS.put(".sld", "SlideBook SLD");
		FORMATS.put(".nd", "MetaMorph ND");
		FORMATS.put(".ics", "ICS");
		FORMATS.put(".mvd2", "Volocity MVD2");
	}

	private MicroscopeFormats() {}

	/** @return the format's name ("Zeiss CZI") when the file name has a vendor extension, else null. */
	public static String formatOf(final Path file) {
		final Path name = file.getFileName();
		if (name == null) return null;
		final String n = name.toString().toLowerCase(Locale.ROOT);
		if (n.startsWith(".")) return null;
		for (final Map.Entry<String, String> e : FORMATS.entrySet())
			if (n.endsWith(e.getKey())) return e.getValue();
		return null;
	}

	/** @return the one-line message for a skipped vendor file: "{@code f}: a Zeiss CZI file, not read (…convert…)". */
	public static String skipped(final Path file) {
		return file + ": a " + formatOf(file) + " file, which MyoMito cannot read; convert it to TIFF with Fiji's Bio-Formats (File > Import > Bio-Formats, then File > Save As > Tiff)";
	}
}
