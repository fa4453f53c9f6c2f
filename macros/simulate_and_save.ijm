// simulate_and_save.ijm — MyoMito: simulate a muscle fibre with known ground truth and save it as TIFF.
//
// Arguments (getArgument(), ImageJ key=value pairs; put paths with spaces in [brackets]):
//   out=[/path/fibre.tif]   output TIFF (required)
//   pattern=oxidative-lattice   oxidative-lattice | glycolytic-fragmented | fission-fragmented | hyperfused | swollen
//   seed=1                  random seed (same seed, same image)
//   width_um=0 length_um=0  fibre size in µm (0 = the pattern's default)
//   mitophagy=-1            fraction of LC3 puncta on mitochondria (-1 = the pattern's default)
// Outputs: the 2-channel calibrated TIFF (channel 1 mitochondria, channel 2 LC3); its "Info" property holds
//   the ground truth as JSON (Image > Show Info). Prints "saved <path>".
// Example: ImageJ-linux64 --headless -macro simulate_and_save.ijm "out=[/tmp/x.tif] pattern=hyperfused seed=3"
args = getArgument();
out = call("ij.Macro.getValue", args, "out", "");
if (out == "") exit("simulate_and_save.ijm: give out=[/path/fibre.tif]");
pattern = call("ij.Macro.getValue", args, "pattern", "oxidative-lattice");
seed = call("ij.Macro.getValue", args, "seed", "1");
width = call("ij.Macro.getValue", args, "width_um", "0");
len = call("ij.Macro.getValue", args, "length_um", "0");
mitophagy = call("ij.Macro.getValue", args, "mitophagy", "-1");
setBatchMode(true);
run("Simulate Fibre...", "pattern=" + pattern + " seed=" + seed + " width_um=" + width + " length_um=" + len + " mitophagy=" + mitophagy);
saveAs("Tiff", out);
close();
print("saved " + out);
