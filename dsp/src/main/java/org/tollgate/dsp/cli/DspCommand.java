package org.tollgate.dsp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tollgate.dsp.au.AudioFileResult;
import org.tollgate.dsp.au.AudioFiles;
import org.tollgate.dsp.au.AuWriter;
import org.tollgate.dsp.au.WavWriter;
import org.tollgate.dsp.dtmf.DtmfDetector;
import org.tollgate.dsp.dtmf.DtmfDigit;
import org.tollgate.dsp.dtmf.DtmfEvent;
import org.tollgate.dsp.dtmf.DtmfGenerator;

/**
 * {@code tollgate dsp ...}: lets anyone check the DTMF detector on their own recordings.
 *
 * <pre>
 * tollgate dsp detect FILE                 FILE is .au or .wav (by content); prints one line per digit:
 *                                          "DIGIT START_MS", e.g. "5 120"
 * tollgate dsp generate DIGITS FILE [--on MS] [--off MS] [--low DBM0] [--high DBM0]
 *                                          writes DIGITS as in-band DTMF; FILE ending in .wav gets
 *                                          16-bit PCM WAVE, anything else 8 kHz μ-law .au
 * </pre>
 * Exit status: 0 success, 1 I/O failure, 2 usage error or unreadable audio.
 */
public final class DspCommand {
    private DspCommand() {}

    /** Runs with {@code args} after the word {@code dsp}; prints to stdout/stderr; returns the exit status. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /** As {@link #run(String[])}, printing to the given streams. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            usage(err);
            return 2;
        }
        return switch (args[0]) {
            case "detect" -> args.length == 2 ? detect(Path.of(args[1]), out, err) : usage(err);
            case "generate" -> args.length >= 3 ? generate(args, err) : usage(err);
            case "-h", "--help", "help" -> {
                usage(out);
                yield 0;
            }
            default -> usage(err);
        };
    }

    private static int usage(PrintStream s) {
        s.println("usage: tollgate dsp detect FILE");
        s.println("       tollgate dsp generate DIGITS FILE [--on MS] [--off MS] [--low DBM0] [--high DBM0]");
        return 2;
    }

    private static int detect(Path file, PrintStream out, PrintStream err) {
        AudioFileResult r;
        try {
            r = AudioFiles.read(file);
        } catch (IOException e) {
            err.println("tollgate dsp: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        return switch (r) {
            case AudioFileResult.Invalid bad -> {
                err.println("tollgate dsp: " + file + ": " + bad.reason() + " (byte " + bad.offset() + ")");
                yield 2;
            }
            case AudioFileResult.Ok ok -> {
                short[] pcm = ok.clip().telephonySamples();
                DtmfDetector det = new DtmfDetector();
                print(det.process(pcm), out);
                print(det.flush(), out);
                yield 0;
            }
        };
    }

    private static void print(List<DtmfEvent> events, PrintStream out) {
        for (DtmfEvent e : events) {
            if (e instanceof DtmfEvent.DigitStarted s) {
                out.println(s.digit().symbol() + " " + s.startMs());
            }
        }
    }

    private static int generate(String[] args, PrintStream err) {
        String digits = args[1];
        Path file = Path.of(args[2]);
        DtmfGenerator.Settings d = DtmfGenerator.Settings.defaults();
        double on = d.onMs();
        double off = d.offMs();
        double low = d.lowDbm0();
        double high = d.highDbm0();
        for (int i = 3; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                return usage(err);
            }
            double v;
            try {
                v = Double.parseDouble(args[i + 1]);
            } catch (NumberFormatException e) {
                err.println("tollgate dsp: not a number: " + args[i + 1]);
                return 2;
            }
            switch (args[i]) {
                case "--on" -> on = v;
                case "--off" -> off = v;
                case "--low" -> low = v;
                case "--high" -> high = v;
                default -> {
                    return usage(err);
                }
            }
        }
        for (char c : digits.toCharArray()) {
            if (DtmfDigit.ofSymbol(c).isEmpty()) {
                err.println("tollgate dsp: not a DTMF digit: '" + c + "' (use 0-9 * # A-D)");
                return 2;
            }
        }
        if (on <= 0 || off < 0) {
            err.println("tollgate dsp: --on must be > 0 and --off >= 0");
            return 2;
        }
        short[] pcm = DtmfGenerator.generate(digits, new DtmfGenerator.Settings(on, off, low, high));
        boolean wav = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav");
        try {
            Files.write(file, wav ? WavWriter.pcm16(pcm) : AuWriter.ulaw(pcm, "tollgate dsp generate " + digits));
        } catch (IOException e) {
            err.println("tollgate dsp: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
