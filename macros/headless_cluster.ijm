// headless_cluster.ijm — MyoMito on a cluster node: Fiji headless, all settings from the command line.
//
// Usage: ImageJ-linux64 --headless -macro headless_cluster.ijm "input=[/data/in] output=[/data/out] threads=8"
// Arguments (getArgument(), key=value pairs; paths with spaces in [brackets]):
//   input=[...]  output=[...]     (required)
//   pattern=*.tif  recursive (flag)  mito_channel=1  lc3_channel=0  threshold=Otsu  prune_um=0
//   threads=<n>                    images in parallel (default 1; results identical to serial)
//   rois=[folder]                  optional folder with <image-stem>.zip fibre ROI sets
// Outputs: the CLI analyze tables in output/ (resumable: rerun the same job after a time-out to finish);
//   prints "done: <images> images -> <output>". Exits with a one-line error when an argument is missing.
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", "");
if (input == "" || output == "") exit("headless_cluster.ijm: give input=[...] output=[...]");
options = "input=[" + input + "] output=[" + output + "]";
keys = newArray("pattern", "mito_channel", "lc3_channel", "threshold", "prune_um", "threads");
defaults = newArray("*.tif", "1", "0", "Otsu", "0", "1");
for (k = 0; k < keys.length; k++) options = options + " " + keys[k] + "=" + call("ij.Macro.getValue", args, keys[k], defaults[k]);
rois = call("ij.Macro.getValue", args, "rois", "");
if (rois != "") options = options + " rois=[" + rois + "]";
if (indexOf(" " + args + " ", " recursive ") >= 0) options = options + " recursive";
setBatchMode(true);
run("Batch Analyze Folder...", options);
lines = split(File.openAsString(output + File.separator + "images.csv"), "\n");
print("done: " + (lines.length - 1) + " images -> " + output);
