package io.github.myomito.pipeline;

import java.util.List;

import io.github.myomito.results.Table;
import io.github.myomito.skeleton.SkeletonGraph;

/**
 * GraphML export of the skeleton graphs of one analysed image (#16 item 11): one {@code <graph>} per
 * fibre (region "all"), the vertices as nodes and the branches as edges, with the ids of
 * {@code branches.csv} (node data {@code vertex} = the branch rows' {@code from_vertex}/{@code to_vertex},
 * edge data {@code branch} = their {@code branch}), so that the graph can be opened in a graph tool
 * (networkx {@code read_graphml}, Cytoscape, Gephi, igraph) and joined with the tables.
 * <p>
 * Nodes carry {@code type} (end-point or junction), {@code degree} and the vertex centroid
 * {@code x_um}, {@code y_um}, {@code z_um} in image coordinates (µm, like the tables' positions); edges
 * carry {@code branch}, {@code object}, {@code branch_type}, {@code length_um} (as in branches.csv: with
 * the free-end correction) and {@code euclidean_um}. An isolated loop (a ring without vertices) is an
 * edge from and to a node of type {@code loop} (vertex 0, as in branches.csv) at the ring's first voxel.
 * GraphML: Brandes et al. 2002, "GraphML progress report", Graph Drawing 2001, LNCS 2265:501,
 * doi:10.1007/3-540-45848-4_59; node ids are unique in the document ({@code f<fibre>v<vertex>}).
 */
public final class GraphMl {

	private GraphMl() {}

	/** @return the GraphML document of the result's fibre graphs, keyed by the image's {@code file}. */
	public static String of(final ImageAnalysis.Result r, final String file) {
		final StringBuilder sb = new StringBuilder();
		sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		sb.append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
		sb.append("    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
		sb.append("  <desc>").append(esc("MyoMito skeleton graphs of " + file)).append("</desc>\n");
		key(sb, "file", "graph", "file", "string");
		key(sb, "fibre", "graph", "fibre", "string");
		key(sb, "vertex", "node", "vertex", "int");
		key(sb, "type", "node", "type", "string");
		key(sb, "degree", "node", "degree", "int");
		key(sb, "x_um", "node", "x_um", "double");
		key(sb, "y_um", "node", "y_um", "double");
		key(sb, "z_um", "node", "z_um", "double");
		key(sb, "branch", "edge", "branch", "int");
		key(sb, "object", "edge", "object", "int");
		key(sb, "branch_type", "edge", "branch_type", "string");
		key(sb, "length_um", "edge", "length_um", "double");
		key(sb, "euclidean_um", "edge", "euclidean_um", "double");
		int fi = 0;
		for (final RegionAnalysis f : r.fibres()) {
			if (f.part != RegionAnalysis.Part.ALL) continue;
			fi++;
			final String g = "f" + fi;
			sb.append("  <graph id=\"").append(g).append("\" edgedefault=\"undirected\">\n");
			data(sb, "    ", "file", file);
			data(sb, "    ", "fibre", f.name);
			final List<SkeletonGraph.Vertex> vs = f.graph.vertices();
			for (final SkeletonGraph.Vertex v : vs) {
				sb.append("    <node id=\"").append(g).append('v').append(v.id() + 1).append("\">");
				data(sb, "", "vertex", Integer.toString(v.id() + 1));
				data(sb, "", "type", v.type() == SkeletonGraph.VertexType.END_POINT ? "end-point" : "junction");
				data(sb, "", "degree", Integer.toString(v.degree()));
				position(sb, v.centroid(), f);
				sb.append("</node>\n");
			}
			for (final SkeletonGraph.Edge e : f.graph.edges()) {
				final String a, b;
				if (e.isIsolatedLoop()) {
					a = b = g + "loop" + (e.id() + 1);
					sb.append("    <node id=\"").append(a).append("\">");
					data(sb, "", "vertex", "0");
					data(sb, "", "type", "loop");
					data(sb, "", "degree", "2");
					final double[] p = new double[f.dims.length];
					for (int c = 0; c < p.length; c++) p[c] = e.coordinate(0, c);
					position(sb, p, f);
					sb.append("</node>\n");
				}
				else {
					a = g + "v" + (e.vertexA() + 1);
					b = g + "v" + (e.vertexB() + 1);
				}
				final String type = e.isIsolatedLoop() ? "loop" : kind(vs.get(e.vertexA())) + "-" + kind(vs.get(e.vertexB()));
				sb.append("    <edge id=\"").append(g).append('e').append(e.id() + 1).append("\" source=\"").append(a).append("\" target=\"").append(b).append("\">");
				data(sb, "", "branch", Integer.toString(e.id() + 1));
				data(sb, "", "object", Integer.toString(f.network.objectOfEdge(e.id())));
				data(sb, "", "branch_type", type);
				data(sb, "", "length_um", Table.format(f.network.branchLength(e.id())));
				data(sb, "", "euclidean_um", Table.format(e.euclideanLength()));
				sb.append("</edge>\n");
			}
			sb.append("  </graph>\n");
		}
		return sb.append("</graphml>\n").toString();
	}

	private static String kind(final SkeletonGraph.Vertex v) {
		return v.type() == SkeletonGraph.VertexType.END_POINT ? "end" : "junction";
	}

	private static void position(final StringBuilder sb, final double[] crop, final RegionAnalysis f) {
		data(sb, "", "x_um", Table.format(crop[0] + f.offset[0] * f.spacing[0]));
		data(sb, "", "y_um", Table.format(crop[1] + f.offset[1] * f.spacing[1]));
		data(sb, "", "z_um", Table.format(crop.length > 2 ? crop[2] + (f.offset.length > 2 ? f.offset[2] * f.spacing[2] : 0) : 0.0));
	}

	private static void key(final StringBuilder sb, final String id, final String forWhat, final String name, final String type) {
		sb.append("  <key id=\"").append(id).append("\" for=\"").append(forWhat).append("\" attr.name=\"").append(name).append("\" attr.type=\"").append(type)
			.append("\"/>\n");
	}

	private static void data(final StringBuilder sb, final String indent, final String key, final String value) {
		sb.append(indent).append("<data key=\"").append(key).append("\">").append(esc(value)).append("</data>");
		if (!indent.isEmpty()) sb.append('\n');
	}

	private static String esc(final String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
