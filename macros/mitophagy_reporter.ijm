// mitophagy_reporter.ijm — MyoMito: mitolysosomes of a mito-QC or mt-Keima image, with their tables and overlay.
//
// Arguments (getArgument(), key=value pairs; paths with spaces in [brackets]):
//   image=[/path/fibre.tif]   image to open (required)
//   out=[/path/results]       folder for <image>_fibres.csv and <image>_mitolysosomes.csv (required)
//   reporter=mito-qc          mito-qc (give red_channel, green_channel) or mt-keima (acid_channel, neutral_channel)
//   red_channel=1 green_channel=2   or   acid_channel=1 neutral_channel=2
//   ratio_threshold=0 (objective, per fibre)  band_um=0
// The image's ROI (or the ROI Manager's ROIs, in the GUI) are the fibres; without, the whole image.
// Outputs: the CSV tables above (same columns as the CLI's analyze --reporter), the "MyoMito Fibres" and
//   "MyoMito Mitolysosomes" tables and the mitolysosome overlay; prints "mitolysosomes=<n> per_100um2=<d>"
//   read back from <image>_fibres.csv (first row: the whole fibre).
args = getArgument();
image = call("ij.Macro.getValue", args, "image", "");
out = call("ij.Macro.getValue", args, "out", "");
if (image == "" || out == "") exit("mitophagy_reporter.ijm: give image=[...] out=[...]");
reporter = call("ij.Macro.getValue", args, "reporter", "mito-qc");
keys = newArray("red_channel", "green_channel", "acid_channel", "neutral_channel", "ratio_threshold", "band_um");
opts = "reporter=" + reporter;
for (i = 0; i < keys.length; i++) {
	v = call("ij.Macro.getValue", args, keys[i], "");
	if (v != "") opts = opts + " " + keys[i] + "=" + v;
}
setBatchMode(true);
open(image);
stem = File.nameWithoutExtension;
run("Mitophagy Reporter", opts + " save_dir=[" + out + "]");
csv = out + File.separator + stem + "_fibres.csv";
print("mitolysosomes=" + csvValue(csv, "mitolysosomes", 0) + " per_100um2=" + csvValue(csv, "mitolysosomes_per_100um2", 0));
close("*");

// value of column `key` in data row `row` (0-based) of a MyoMito CSV file
function csvValue(file, key, row) {
	lines = split(File.openAsString(file), "\n");
	head = splitCsv(lines[0]);
	values = splitCsv(lines[row + 1]);
	for (i = 0; i < head.length; i++) if (head[i] == key) return values[i];
	exit("no column " + key + " in " + file);
}

// splits one CSV line, honouring "quoted, fields"
function splitCsv(line) {
	fields = newArray(0);
	cur = "";
	quoted = false;
	for (i = 0; i < lengthOf(line); i++) {
		c = substring(line, i, i + 1);
		if (c == "\"") quoted = !quoted;
		else if (c == "," && !quoted) { fields = Array.concat(fields, newArray(cur)); cur = ""; }
		else cur = cur + c;
	}
	return Array.concat(fields, newArray(cur));
}
