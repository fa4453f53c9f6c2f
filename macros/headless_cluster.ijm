// headless_cluster.ijm — MyoMito on a cluster node: Fiji headless, all settings from the command line.
//
// Usage: ImageJ-linux64 --headless -macro headless_cluster.ijm "input=[/data/in] output=[/data/out] threads=8"
// Arguments (getArgument(), key=value pairs; paths with spaces in [brackets]):
//   input=[...]  output=[...]     (required)
//   every key of "Batch Analyze Folder..." is forwarded when given (else the command's default applies):
//   pattern=*.{tif,tiff}  mito_channel=1  lc3_channel=0  threshold=Otsu  local_block_um=1.5  local_offset=0
//   background_um=2  min_size_um=0.05  prune_um=0  fibres=image|auto  band_um=0  tolerance_deg=20
//   punctum_um=0.3  randomisations=0  seed=<n>  psf_um=0  psf_z_um=0
//   flags: recursive  tubeness  no_end_correction  no_axial_deconvolution
//   threads=<n>                    images in parallel (default 1; results identical to serial)
//   rois=[folder]                  optional folder with <image-stem>.zip fibre ROI sets
// Outputs: the CLI analyze tables in output/ (resumable: rerun the same job after a time-out to finish);
//   prints "done: <images> images -> <output>". Exits with a one-line error when an argument is missing.
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", "");
if (input == "" || output == "") exit("headless_cluster.ijm: give input=[...] output=[...]");
options = "input=[" + input + "] output=[" + output + "]";
keys = newArray("pattern", "mito_channel", "lc3_channel", "threshold", "local_block_um", "local_offset", "background_um", "min_size_um",
	"prune_um", "fibres", "band_um", "tolerance_deg", "punctum_um", "randomisations", "seed", "psf_um", "psf_z_um", "threads");
for (k = 0; k < keys.length; k++) {
	v = call("ij.Macro.getValue", args, keys[k], "");
	if (v != "") options = options + " " + keys[k] + "=[" + v + "]";
}
rois = call("ij.Macro.getValue", args, "rois", "");
if (rois != "") options = options + " rois=[" + rois + "]";
flags = newArray("recursive", "tubeness", "no_end_correction", "no_axial_deconvolution");
for (k = 0; k < flags.length; k++) if (indexOf(" " + args + " ", " " + flags[k] + " ") >= 0) options = options + " " + flags[k];
setBatchMode(true);
run("Batch Analyze Folder...", options);
lines = split(File.openAsString(output + File.separator + "images.csv"), "\n");
print("done: " + (lines.length - 1) + " images -> " + output);
