package io.github.myomito.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mutable raw centre-line graph built by the generators in fibre coordinates (u along the axis, v
 * across, z), with straight edges, and its reduction to the branch graph of {@link Truth}: chains of
 * degree-2 nodes are merged into polylines (iteratively, no recursion), nodes left without edges are
 * dropped unless they are puncta, and a closed chain of degree-2 nodes keeps its first node as a ring.
 */
final class CentreLineGraph {

	private double[] u = new double[64], v = new double[64], z = new double[64], rad = new double[64];
	private boolean[] punctum = new boolean[64];
	private int nNodes;
	private int[] ea = new int[64], eb = new int[64];
	private double[] er = new double[64];
	private int nEdges;

	int addNode(final double uu, final double vv, final double zz, final double r, final boolean isPunctum) {
		if (nNodes == u.length) {
			final int n = 2 * nNodes;
			u = Arrays.copyOf(u, n); v = Arrays.copyOf(v, n); z = Arrays.copyOf(z, n); rad = Arrays.copyOf(rad, n);
			punctum = Arrays.copyOf(punctum, n);
		}
		u[nNodes] = uu; v[nNodes] = vv; z[nNodes] = zz; rad[nNodes] = r; punctum[nNodes] = isPunctum;
		return nNodes++;
	}

	void addEdge(final int a, final int b, final double r) {
		if (a == b) throw new IllegalStateException("self edge");
		if (nEdges == ea.length) {
			final int n = 2 * nEdges;
			ea = Arrays.copyOf(ea, n); eb = Arrays.copyOf(eb, n); er = Arrays.copyOf(er, n);
		}
		ea[nEdges] = a; eb[nEdges] = b; er[nEdges] = r;
		nEdges++;
	}

	double u(final int i) { return u[i]; }
	double v(final int i) { return v[i]; }
	double z(final int i) { return z[i]; }

	/** Maps fibre coordinates to image µm coordinates. */
	interface Frame {
		/** Writes {x, y, z} of fibre point (u, v, z) into {@code out}. */
		void toImage(double u, double v, double z, double[] out);
	}

	/**
	 * Reduces the graph to nodes and polyline branches in image coordinates.
	 *
	 * @param nodesOut receives the kept nodes (ids 0..n-1)
	 * @param branchesOut receives the branches
	 */
	void reduce(final Frame frame, final double[] axis, final List<Truth.Node> nodesOut, final List<Truth.Branch> branchesOut) {
		final int[] deg = new int[nNodes];
		for (int e = 0; e < nEdges; e++) {
			deg[ea[e]]++;
			deg[eb[e]]++;
		}
		final int[] off = new int[nNodes + 1];
		for (int i = 0; i < nNodes; i++) off[i + 1] = off[i] + deg[i];
		final int[] inc = new int[off[nNodes]];
		final int[] fill = Arrays.copyOf(off, nNodes);
		for (int e = 0; e < nEdges; e++) {
			inc[fill[ea[e]]++] = e;
			inc[fill[eb[e]]++] = e;
		}
		final boolean[] keep = new boolean[nNodes];
		for (int i = 0; i < nNodes; i++) keep[i] = deg[i] != 2 && (deg[i] > 0 || punctum[i]);
		final boolean[] used = new boolean[nEdges];
		final List<int[]> chains = new ArrayList<>(); // node sequences
		final List<Double> radii = new ArrayList<>();
		for (int pass = 0; pass < 2; pass++) {
			for (int s = 0; s < nNodes; s++) {
				if (pass == 1) {
					// pure cycles: every edge at s unused and s of degree 2
					if (deg[s] != 2 || used[inc[off[s]]]) continue;
					keep[s] = true;
				}
				if (!keep[s]) continue;
				for (int k = off[s]; k < off[s + 1]; k++) {
					int e = inc[k];
					if (used[e]) continue;
					final double r = er[e];
					final IntList path = new IntList();
					path.add(s);
					int cur = s;
					while (true) {
						used[e] = true;
						final int next = ea[e] == cur ? eb[e] : ea[e];
						path.add(next);
						if (keep[next]) break;
						final int e2 = inc[off[next]] == e ? inc[off[next] + 1] : inc[off[next]];
						cur = next;
						e = e2;
					}
					chains.add(path.toArray());
					radii.add(r);
				}
			}
		}
		final int[] newId = new int[nNodes];
		Arrays.fill(newId, -1);
		final int[] newDeg = new int[nNodes];
		for (final int[] c : chains) {
			newDeg[c[0]]++;
			newDeg[c[c.length - 1]]++;
		}
		final double[] p = new double[3];
		for (int i = 0; i < nNodes; i++) {
			if (!keep[i]) continue;
			newId[i] = nodesOut.size();
			frame.toImage(u[i], v[i], z[i], p);
			nodesOut.add(new Truth.Node(newId[i], p[0], p[1], p[2], newDeg[i], rad[i]));
		}
		for (int c = 0; c < chains.size(); c++) {
			final int[] ch = chains.get(c);
			final double[][] path = new double[ch.length][];
			double len = 0;
			for (int i = 0; i < ch.length; i++) {
				final double[] q = new double[3];
				frame.toImage(u[ch[i]], v[ch[i]], z[ch[i]], q);
				path[i] = q;
				if (i > 0) len += dist(path[i - 1], q);
			}
			double[] a = path[0], b = path[path.length - 1];
			if (ch[0] == ch[ch.length - 1]) b = path[1]; // ring: first segment
			final double dx = b[0] - a[0], dy = b[1] - a[1], dz = b[2] - a[2];
			final double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
			final double cos = Math.min(1, Math.abs(dx * axis[0] + dy * axis[1] + dz * axis[2]) / n);
			branchesOut.add(new Truth.Branch(branchesOut.size(), newId[ch[0]], newId[ch[ch.length - 1]], path, radii.get(c), len,
				Math.toDegrees(Math.acos(cos))));
		}
	}

	static double dist(final double[] a, final double[] b) {
		final double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}

	/** A growable int list. */
	static final class IntList {
		private int[] a = new int[8];
		private int n;

		void add(final int x) {
			if (n == a.length) a = Arrays.copyOf(a, 2 * n);
			a[n++] = x;
		}

		int size() { return n; }
		int get(final int i) { return a[i]; }
		int[] toArray() { return Arrays.copyOf(a, n); }
	}
}
