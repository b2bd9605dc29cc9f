/** The {@code tollgate dsp} subcommand ({@link org.tollgate.dsp.cli.DspCommand#run(String[])}). */
package org.tollgate.dsp.cli;
