package io.github.myomito.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Properties;

/** Version and checksums written beside every result, so a number can be traced to its input and code. */
public final class Provenance {

	private Provenance() {}

	/** @return the MyoMito version (filtered into {@code version.properties} at build time), or "dev" if missing. */
	public static String version() {
		return Version.VALUE;
	}

	/** Read once (a resource lookup per table row was a measurable part of writing 10,000 rows). */
	private static final class Version {
		static final String VALUE = read();
	}

	private static String read() {
		try (InputStream in = Provenance.class.getResourceAsStream("/io/github/myomito/version.properties")) {
			if (in != null) {
				final Properties p = new Properties();
				p.load(in);
				return p.getProperty("version", "dev");
			}
		}
		catch (final IOException e) {
			// fall through
		}
		final Package pkg = Provenance.class.getPackage();
		return pkg != null && pkg.getImplementationVersion() != null ? pkg.getImplementationVersion() : "dev";
	}

	/** @return the SHA-256 of a file as lower-case hex. */
	public static String sha256(final Path file) throws IOException {
		final MessageDigest md = sha();
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] buf = new byte[1 << 16];
			int n;
			while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
		}
		return hex(md.digest());
	}

	/** @return the first 12 hex digits of the SHA-256 of a string (settings hash). */
	public static String shortHash(final String s) {
		return hex(sha().digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
	}

	private static MessageDigest sha() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String hex(final byte[] b) {
		final StringBuilder sb = new StringBuilder(b.length * 2);
		for (final byte x : b) sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
		return sb.toString();
	}
}
