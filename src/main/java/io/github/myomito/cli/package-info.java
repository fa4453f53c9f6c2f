/**
 * The command-line door ({@code java -jar myomito-cli.jar}): picocli subcommands over the core,
 * tested in-process through {@link io.github.myomito.cli.Main#run}.
 */
package io.github.myomito.cli;
