/**
 * The Fiji door: SciJava commands under {@code Plugins > MyoMito}, each a thin shell over the core that
 * validates its parameters, runs the analysis, shows results tables and overlays. Parameter names are the
 * macro keys (lowercase, stable, public API).
 */
package io.github.myomito.fiji;
