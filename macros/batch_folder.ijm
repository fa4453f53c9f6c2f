// batch_folder.ijm — MyoMito: analyse every image of a folder, then summarise the per-file results.
//
// Arguments (getArgument(), key=value pairs; paths with spaces in [brackets]):
//   input=[/path/images]    folder with the images (required)
//   output=[/path/results]  output folder (required)
//   pattern=*.tif  recursive (flag)  mito_channel=1  lc3_channel=0  threshold=Otsu  threads=1
// Outputs: in output/, the per-file tables of the CLI's analyze (images.csv: one row per file; fibres.csv,
//   objects.csv, branches.csv, puncta.csv, provenance.json) and summary.csv: one row with
//   images, mean_objects, mean_branches, mean_loops, mean_total_length_um over the files with status ok/warning.
// Rerunning resumes: files already complete are not analysed again.
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", "");
if (input == "" || output == "") exit("batch_folder.ijm: give input=[...] output=[...]");
pattern = call("ij.Macro.getValue", args, "pattern", "*.tif");
recursive = "";
if (indexOf(" " + args + " ", " recursive ") >= 0) recursive = " recursive";
mito = call("ij.Macro.getValue", args, "mito_channel", "1");
lc3 = call("ij.Macro.getValue", args, "lc3_channel", "0");
threshold = call("ij.Macro.getValue", args, "threshold", "Otsu");
threads = call("ij.Macro.getValue", args, "threads", "1");
setBatchMode(true);
run("Batch Analyze Folder...", "input=[" + input + "] pattern=" + pattern + recursive + " mito_channel=" + mito + " lc3_channel=" + lc3
	+ " threshold=" + threshold + " output=[" + output + "] threads=" + threads);

lines = split(File.openAsString(output + File.separator + "images.csv"), "\n");
head = splitCsv(lines[0]);
keys = newArray("objects", "branches", "loops", "total_length_um");
sums = newArray(keys.length);
n = 0;
for (r = 1; r < lines.length; r++) {
	v = splitCsv(lines[r]);
	status = column(head, v, "status");
	if (status == "error") continue;
	n++;
	for (k = 0; k < keys.length; k++) {
		value = column(head, v, keys[k]);
		sums[k] += parseFloat(value);
	}
}
csv = "images,mean_objects,mean_branches,mean_loops,mean_total_length_um\n" + n;
for (k = 0; k < keys.length; k++) csv = csv + "," + d2s(sums[k] / n, 9);
File.saveString(csv + "\n", output + File.separator + "summary.csv");
print("summary of " + n + " images in " + output + File.separator + "summary.csv");

function column(head, values, key) {
	for (i = 0; i < head.length; i++) if (head[i] == key) return values[i];
	exit("no column " + key);
}

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
