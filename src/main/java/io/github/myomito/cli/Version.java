package io.github.myomito.cli;

import io.github.myomito.results.Provenance;
import picocli.CommandLine.IVersionProvider;

/** Version string for {@code --version}. */
public final class Version implements IVersionProvider {
	@Override
	public String[] getVersion() {
		return new String[] { "MyoMito " + Provenance.version() };
	}
}
