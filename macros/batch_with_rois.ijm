// batch_with_rois.ijm — MyoMito: analyse a folder of images with one ROI set of fibres per image.
//
// For image X.tif the fibres are the area ROIs of the ROI set X.zip (or X.roi) beside it — save them from
// the ROI Manager (More > Save...). Every fibre is analysed in its own region; its ROI name is the fibre name.
// Arguments (getArgument(), key=value pairs; paths with spaces in [brackets]):
//   input=[/path/images]    folder with X.tif and X.zip (required)
//   output=[/path/results]  output folder (required)
//   pattern=*.tif  mito_channel=1  lc3_channel=0  threshold=Otsu  threads=1
// Outputs: output/fibres.csv (one row per image and fibre), images.csv, objects.csv, branches.csv, puncta.csv,
//   provenance.json; prints the number of fibres per image. An image without its ROI set is reported with
//   status "error" in images.csv (naming the missing file); the others are analysed.
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", "");
if (input == "" || output == "") exit("batch_with_rois.ijm: give input=[...] output=[...]");
pattern = call("ij.Macro.getValue", args, "pattern", "*.tif");
mito = call("ij.Macro.getValue", args, "mito_channel", "1");
lc3 = call("ij.Macro.getValue", args, "lc3_channel", "0");
threshold = call("ij.Macro.getValue", args, "threshold", "Otsu");
threads = call("ij.Macro.getValue", args, "threads", "1");
setBatchMode(true);
run("Batch Analyze Folder...", "input=[" + input + "] pattern=" + pattern + " mito_channel=" + mito + " lc3_channel=" + lc3
	+ " threshold=" + threshold + " rois=[" + input + "] output=[" + output + "] threads=" + threads);
lines = split(File.openAsString(output + File.separator + "fibres.csv"), "\n");
print((lines.length - 1) + " fibre rows in " + output + File.separator + "fibres.csv");
