package io.github.myomito.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;

/**
 * The exact ground truth of a phantom: its centre-line graph, the counts derived from it, the LC3
 * puncta and the rendered mask size. Immutable; serialises to and from JSON with gson.
 * <p>
 * <b>Coordinates.</b> Positions are in µm in image space: {@code x = i·s_x, y = j·s_y, z = k·s_z} for
 * pixel indices (i, j, k), i.e. the centre of pixel (0, 0, 0) is at the origin and y points down, as in
 * imglib2.
 * <p>
 * <b>Graph.</b> Every mitochondrion is a connected part of an undirected multigraph. A <i>node</i> is a
 * branch end: an endpoint (degree 1), a junction (degree ≥ 3), or an isolated <i>punctum</i> (degree 0,
 * rendered as a disk/ball of {@link Node#radiusUm()}). Nodes of degree 2 exist only on closed rings with
 * no other node (one node carries the ring as a self-loop, which adds 2 to its degree). A <i>branch</i> is
 * a polyline {@link Branch#path()} from node {@code from} to node {@code to} (first and last vertex at
 * those nodes), rendered as the union of capsules of radius {@link Branch#radiusUm()} around its
 * segments. A pixel is in the mask iff its centre lies within the radius of a segment of a branch or of
 * a punctum's centre, or it belongs to an enclosed background pinhole of at most 2 pixels (4-connected;
 * 6-connected in 3D) left by the digitisation where tubes meet, which is filled so that the mask has
 * exactly the graph's topology: 8/26-connected components = objects, holes (2D) = loops. A <i>rod</i> is an object with exactly one branch (not a ring), two endpoints.
 * <p>
 * <b>Counts</b> ({@link Counts}): objects = connected components C of the graph (puncta included);
 * puncta = objects without branches; rods = objects with one non-loop branch; networks = the other
 * objects with branches; junctions = nodes of degree ≥ 3; endpoints = degree 1; triple/quadruple points =
 * degree 3/4; loops = independent cycles {@code E − V + C} (E branches, V nodes); total length =
 * Σ polyline lengths.
 * <p>
 * <b>Orientation.</b> The angle of a branch to the fibre axis is that of its chord (first to last path
 * vertex; the first segment for a ring): {@code θ = acos(|d·e_u| / |d|)} in [0°, 90°] with
 * {@code e_u = (cos a, −sin a, 0)}. θ ≥ 70° is {@link Orientation#TRANSVERSE}, θ ≤ 20° is
 * {@link Orientation#LONGITUDINAL}, else {@link Orientation#OBLIQUE}. The transverse and longitudinal
 * fractions are length-weighted: {@code Σ_{b transverse} L_b / Σ_b L_b}.
 */
public final class Truth {

	/** Orientation class of a branch relative to the fibre axis. */
	public enum Orientation {
		/** Within 20° of perpendicular to the axis (I-band elements). */
		@SerializedName("transverse") TRANSVERSE,
		/** Within 20° of parallel to the axis. */
		@SerializedName("longitudinal") LONGITUDINAL,
		/** Anything in between. */
		@SerializedName("oblique") OBLIQUE;

		/**
		 * @param angleToAxisDeg angle between a branch and the fibre axis, degrees in [0, 90]
		 * @return its class: ≥ 70° transverse, ≤ 20° longitudinal, else oblique
		 */
		public static Orientation of(final double angleToAxisDeg) {
			if (angleToAxisDeg >= 70) return TRANSVERSE;
			if (angleToAxisDeg <= 20) return LONGITUDINAL;
			return OBLIQUE;
		}
	}

	/** A graph node. */
	public static final class Node {
		private final int id;
		private final double x, y, z, radiusUm;
		private final int degree;

		Node(final int id, final double x, final double y, final double z, final int degree, final double radiusUm) {
			this.id = id; this.x = x; this.y = y; this.z = z; this.degree = degree; this.radiusUm = radiusUm;
		}

		/** @return index of the node in {@link Truth#nodes()}. */
		public int id() { return id; }
		/** @return x in µm. */
		public double x() { return x; }
		/** @return y in µm (down). */
		public double y() { return y; }
		/** @return z in µm (0 in 2D). */
		public double z() { return z; }
		/** @return number of branch ends at the node (a self-loop counts twice). */
		public int degree() { return degree; }
		/** @return punctum radius in µm for degree-0 nodes; the tube radius otherwise (not rendered). */
		public double radiusUm() { return radiusUm; }
	}

	/** A graph branch (polyline between two nodes). */
	public static final class Branch {
		private final int id, from, to;
		private final double lengthUm, angleToAxisDeg, radiusUm;
		private final Orientation orientation;
		private final double[][] path;

		Branch(final int id, final int from, final int to, final double[][] path, final double radiusUm, final double lengthUm,
			final double angleToAxisDeg) {
			this.id = id; this.from = from; this.to = to; this.path = path; this.radiusUm = radiusUm; this.lengthUm = lengthUm;
			this.angleToAxisDeg = angleToAxisDeg; this.orientation = Orientation.of(angleToAxisDeg);
		}

		/** @return index of the branch in {@link Truth#branches()}. */
		public int id() { return id; }
		/** @return id of the start node. */
		public int from() { return from; }
		/** @return id of the end node ({@code == from} for a ring). */
		public int to() { return to; }
		/** @return polyline length Σ|p_{i+1} − p_i| in µm. */
		public double lengthUm() { return lengthUm; }
		/** @return chord angle to the fibre axis, degrees in [0, 90]. */
		public double angleToAxisDeg() { return angleToAxisDeg; }
		/** @return orientation class of {@link #angleToAxisDeg()}. */
		public Orientation orientation() { return orientation; }
		/** @return tube radius in µm. */
		public double radiusUm() { return radiusUm; }
		/** @return number of polyline vertices (≥ 2). */
		public int pathLength() { return path.length; }
		/**
		 * @param i vertex index, 0 ≤ i &lt; {@link #pathLength()}
		 * @return a copy of vertex {@code i} as {x, y, z} in µm
		 */
		public double[] point(final int i) { return path[i].clone(); }
		/** @return a deep copy of the polyline, {@code [i] = {x, y, z}} in µm. */
		public double[][] path() {
			final double[][] c = new double[path.length][];
			for (int i = 0; i < c.length; i++) c[i] = path[i].clone();
			return c;
		}
	}

	/** Topology and size counts of the graph (see {@link Truth}). */
	public static final class Counts {
		private final int objects, puncta, rods, networks, branches, junctions, endpoints, triplePoints, quadruplePoints, loops;
		private final double totalLengthUm;

		Counts(final int objects, final int puncta, final int rods, final int networks, final int branches, final int junctions,
			final int endpoints, final int triplePoints, final int quadruplePoints, final int loops, final double totalLengthUm) {
			this.objects = objects; this.puncta = puncta; this.rods = rods; this.networks = networks; this.branches = branches;
			this.junctions = junctions; this.endpoints = endpoints; this.triplePoints = triplePoints;
			this.quadruplePoints = quadruplePoints; this.loops = loops; this.totalLengthUm = totalLengthUm;
		}

		/** @return connected components C of the graph, puncta included. */
		public int objects() { return objects; }
		/** @return objects with no branch. */
		public int puncta() { return puncta; }
		/** @return objects with exactly one branch that is not a ring. */
		public int rods() { return rods; }
		/** @return the other objects (≥ 2 branches, or a ring). */
		public int networks() { return networks; }
		/** @return E, the number of branches. */
		public int branches() { return branches; }
		/** @return nodes of degree ≥ 3. */
		public int junctions() { return junctions; }
		/** @return nodes of degree 1. */
		public int endpoints() { return endpoints; }
		/** @return nodes of degree 3. */
		public int triplePoints() { return triplePoints; }
		/** @return nodes of degree 4. */
		public int quadruplePoints() { return quadruplePoints; }
		/** @return E − V + C. */
		public int loops() { return loops; }
		/** @return Σ branch lengths, µm. */
		public double totalLengthUm() { return totalLengthUm; }
	}

	/** An LC3 punctum. */
	public static final class Lc3Punctum {
		private final double x, y, z, radiusUm;
		private final boolean onMitochondria;

		Lc3Punctum(final double x, final double y, final double z, final double radiusUm, final boolean onMitochondria) {
			this.x = x; this.y = y; this.z = z; this.radiusUm = radiusUm; this.onMitochondria = onMitochondria;
		}

		/** @return centre x, µm. */
		public double x() { return x; }
		/** @return centre y, µm. */
		public double y() { return y; }
		/** @return centre z, µm. */
		public double z() { return z; }
		/** @return radius, µm. */
		public double radiusUm() { return radiusUm; }
		/**
		 * @return {@code true}: the centre lies on a mitochondrial centre line (so inside the mask);
		 *         {@code false}: the centre is a voxel at least radius + 2 pixels from every mask voxel
		 */
		public boolean onMitochondria() { return onMitochondria; }
	}

	private final Pattern pattern;
	private final PhantomSettings settings;
	private final double[] spacing;
	private final int[] dims;
	private final List<Node> nodes;
	private final List<Branch> branches;
	private final Counts counts;
	private final double transverseFraction, longitudinalFraction, periodUm;
	private final List<Lc3Punctum> lc3Puncta;
	private final double lc3OnMitoFraction;
	private final double maskAreaUm2, maskVolumeUm3;

	Truth(final PhantomSettings settings, final double[] spacing, final int[] dims, final List<Node> nodes, final List<Branch> branches,
		final double periodUm, final List<Lc3Punctum> lc3, final long maskVoxels) {
		this.pattern = settings.pattern();
		this.settings = settings;
		this.spacing = spacing.clone();
		this.dims = dims.clone();
		this.nodes = new ArrayList<>(nodes);
		this.branches = new ArrayList<>(branches);
		this.periodUm = periodUm;
		this.lc3Puncta = new ArrayList<>(lc3);
		this.counts = count(this.nodes, this.branches);
		double tl = 0, lo = 0, all = 0;
		for (final Branch b : branches) {
			all += b.lengthUm;
			if (b.orientation == Orientation.TRANSVERSE) tl += b.lengthUm;
			else if (b.orientation == Orientation.LONGITUDINAL) lo += b.lengthUm;
		}
		transverseFraction = all > 0 ? tl / all : 0;
		longitudinalFraction = all > 0 ? lo / all : 0;
		int on = 0;
		for (final Lc3Punctum p : lc3) if (p.onMitochondria) on++;
		lc3OnMitoFraction = lc3.isEmpty() ? 0 : on / (double) lc3.size();
		double m = maskVoxels;
		for (final double s : spacing) m *= s;
		maskAreaUm2 = dims.length == 2 ? m : 0;
		maskVolumeUm3 = dims.length == 3 ? m : 0;
	}

	/** Counts components with a union–find over nodes (no recursion). */
	private static Counts count(final List<Node> nodes, final List<Branch> branches) {
		final int n = nodes.size();
		final int[] parent = new int[n];
		for (int i = 0; i < n; i++) parent[i] = i;
		for (final Branch b : branches) {
			final int ra = find(parent, b.from), rb = find(parent, b.to);
			if (ra != rb) parent[ra] = rb;
		}
		final int[] nb = new int[n];
		final boolean[] ring = new boolean[n];
		for (final Branch b : branches) {
			final int r = find(parent, b.from);
			nb[r]++;
			if (b.from == b.to) ring[r] = true;
		}
		int objects = 0, puncta = 0, rods = 0, networks = 0, junctions = 0, endpoints = 0, triple = 0, quad = 0;
		for (int i = 0; i < n; i++) {
			final int d = nodes.get(i).degree;
			if (d >= 3) junctions++;
			if (d == 1) endpoints++;
			if (d == 3) triple++;
			if (d == 4) quad++;
			if (find(parent, i) != i) continue;
			objects++;
			if (nb[i] == 0) puncta++;
			else if (nb[i] == 1 && !ring[i]) rods++;
			else networks++;
		}
		double len = 0;
		for (final Branch b : branches) len += b.lengthUm;
		return new Counts(objects, puncta, rods, networks, branches.size(), junctions, endpoints, triple, quad,
			branches.size() - n + objects, len);
	}

	private static int find(final int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/** @return the phenotype drawn. */
	public Pattern pattern() { return pattern; }
	/** @return all parameters, seed included. */
	public PhantomSettings settings() { return settings; }
	/** @return µm per pixel per axis (a copy). */
	public double[] spacing() { return spacing.clone(); }
	/** @return image size per axis in pixels (a copy). */
	public int[] dims() { return dims.clone(); }
	/** @return graph nodes, {@code nodes().get(i).id() == i}, unmodifiable. */
	public List<Node> nodes() { return Collections.unmodifiableList(nodes); }
	/** @return graph branches, {@code branches().get(i).id() == i}, unmodifiable. */
	public List<Branch> branches() { return Collections.unmodifiableList(branches); }
	/** @return topology counts. */
	public Counts counts() { return counts; }
	/** @return length-weighted fraction of transverse branches. */
	public double transverseFraction() { return transverseFraction; }
	/** @return length-weighted fraction of longitudinal branches. */
	public double longitudinalFraction() { return longitudinalFraction; }
	/**
	 * @return period of the transverse elements along the axis (the sarcomere length) for lattice patterns
	 *         and glycolytic fibres (transverse rods on the I-bands), 0 otherwise
	 */
	public double periodUm() { return periodUm; }
	/** @return the LC3 puncta, unmodifiable. */
	public List<Lc3Punctum> lc3Puncta() { return Collections.unmodifiableList(lc3Puncta); }
	/** @return fraction of LC3 puncta on mitochondria (0 when there are none). */
	public double lc3OnMitoFraction() { return lc3OnMitoFraction; }
	/** @return mask area (pixel count × pixel area) in µm² for 2D phantoms, 0 in 3D. */
	public double maskAreaUm2() { return maskAreaUm2; }
	/** @return mask volume in µm³ for 3D phantoms, 0 in 2D. */
	public double maskVolumeUm3() { return maskVolumeUm3; }

	private static Gson gson() {
		return new GsonBuilder().setPrettyPrinting().create();
	}

	/** @return this truth as pretty-printed JSON (pattern and orientations as their ids). */
	public String toJson() {
		return gson().toJson(this);
	}

	/**
	 * Reads a truth written by {@link #toJson()}.
	 *
	 * @param json the JSON text
	 * @return the truth it describes
	 * @throws IllegalArgumentException when the text is not such JSON
	 */
	public static Truth fromJson(final String json) {
		final Truth t;
		try {
			t = gson().fromJson(json, Truth.class);
		} catch (final JsonParseException e) {
			throw new IllegalArgumentException("not a phantom truth JSON: " + e.getMessage(), e);
		}
		if (t == null || t.settings == null || t.nodes == null || t.branches == null || t.dims == null || t.spacing == null || t.lc3Puncta == null)
			throw new IllegalArgumentException("not a phantom truth JSON: missing settings, dims, spacing, nodes, branches or lc3Puncta");
		return t;
	}

	@Override
	public String toString() {
		return "Truth[" + pattern.id() + " seed " + settings.seed() + ", " + Arrays.toString(dims) + " px, " + counts.objects + " objects, "
			+ counts.branches + " branches, " + counts.loops + " loops]";
	}
}
