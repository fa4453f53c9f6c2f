// analyze_one_image.ijm — MyoMito: analyse the mitochondrial network of one image and save its tables.
//
// Arguments (getArgument(), key=value pairs; paths with spaces in [brackets]):
//   image=[/path/fibre.tif]   image to open (required)
//   out=[/path/results]       folder for <image>_images.csv, _fibres.csv, _objects.csv, _branches.csv, _puncta.csv (required)
//   mito_channel=1  lc3_channel=0  threshold=Otsu  prune_um=0
// The image's ROI (or the ROI Manager's ROIs, in the GUI) are the fibres; without, the whole image.
// Outputs: the CSV tables above (same columns as the CLI's analyze), the "MyoMito ..." tables and a skeleton
//   overlay on the image; prints "objects=<n> branches=<n> loops=<n>" read back from <image>_images.csv.
args = getArgument();
image = call("ij.Macro.getValue", args, "image", "");
out = call("ij.Macro.getValue", args, "out", "");
if (image == "" || out == "") exit("analyze_one_image.ijm: give image=[...] out=[...]");
mito = call("ij.Macro.getValue", args, "mito_channel", "1");
lc3 = call("ij.Macro.getValue", args, "lc3_channel", "0");
threshold = call("ij.Macro.getValue", args, "threshold", "Otsu");
prune = call("ij.Macro.getValue", args, "prune_um", "0");
setBatchMode(true);
open(image);
stem = File.nameWithoutExtension;
run("Analyze Mitochondrial Network", "mito_channel=" + mito + " lc3_channel=" + lc3 + " threshold=" + threshold + " prune_um=" + prune + " save_dir=[" + out + "]");
csv = out + File.separator + stem + "_images.csv";
print("objects=" + csvValue(csv, "objects", 0) + " branches=" + csvValue(csv, "branches", 0) + " loops=" + csvValue(csv, "loops", 0));
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
