// analyze_dynamics.ijm — MyoMito: track the mitochondria of one time-lapse hyperstack and save its tables.
//
// Arguments (getArgument(), key=value pairs; paths with spaces in [brackets]):
//   image=[/path/series.tif]  time-lapse hyperstack to open (required)
//   out=[/path/results]       folder for <image>_images.csv, _fibres.csv, _frames.csv, _tracks.csv, _events.csv (required)
//   mito_channel=1  frame_interval_s=0 (0 = the image's calibration)  threshold=Otsu
// Outputs: the CSV tables above (same columns as the CLI's analyze on a series), the "MyoMito ..." tables and an
//   overlay of tracks and event markers on the hyperstack; prints
//   "fission_events=<n> fusion_events=<n> fission_rate_per_100um_min=<r> fusion_rate_per_100um_min=<r>" read back from <image>_fibres.csv.
args = getArgument();
image = call("ij.Macro.getValue", args, "image", "");
out = call("ij.Macro.getValue", args, "out", "");
if (image == "" || out == "") exit("analyze_dynamics.ijm: give image=[...] out=[...]");
mito = call("ij.Macro.getValue", args, "mito_channel", "1");
interval = call("ij.Macro.getValue", args, "frame_interval_s", "0");
threshold = call("ij.Macro.getValue", args, "threshold", "Otsu");
setBatchMode(true);
open(image);
stem = File.nameWithoutExtension;
run("Analyze Mitochondrial Dynamics", "mito_channel=" + mito + " frame_interval_s=" + interval + " threshold=" + threshold + " save_dir=[" + out + "]");
csv = out + File.separator + stem + "_fibres.csv";
keys = newArray("fission_events", "fusion_events", "fission_rate_per_100um_min", "fusion_rate_per_100um_min");
line = "";
for (k = 0; k < keys.length; k++) line = line + keys[k] + "=" + csvValue(csv, keys[k], 0) + " ";
print(line);
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
