package org.tollgate.ivrprompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves IOS-style prompt URLs, {@code flash:NAME.au}, to prompt audio: first in the configured prompt
 * directory (the gateway's "flash"), then among the prompts bundled in this module.
 *
 * <p>Accepted: the scheme {@code flash:} (any case), optionally followed by {@code /}, then a file name
 * of letters, digits, {@code _ - .} ending in {@code .au}, at most {@value #MAX_NAME} characters; no
 * directories (so a URL can never escape the prompt directory). Files larger than
 * {@value #MAX_BYTES} bytes are refused (reported as not found, with the reason). Thread-safe;
 * reads the file on every call so replaced recordings take effect at once.
 */
public final class PromptResolver {
    /** Longest prompt file name. */
    public static final int MAX_NAME = 128;
    /** Largest prompt file, 16 MiB (over half an hour of μ-law). */
    public static final long MAX_BYTES = 16L << 20;

    private static final String BUNDLE = "/org/tollgate/ivrprompts/bundled/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.au");

    private final Optional<Path> directory;

    /** A resolver over the bundled prompts only. */
    public PromptResolver() {
        this(Optional.empty());
    }

    /** A resolver looking in {@code directory} (if present) before the bundled prompts. */
    public PromptResolver(Optional<Path> directory) {
        this.directory = directory;
    }

    /** The configured prompt directory. */
    public Optional<Path> directory() {
        return directory;
    }

    /** Resolves {@code url}. I/O errors other than "no such file" are exceptions. */
    public PromptResolution resolve(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("flash:")) {
            return new PromptResolution.BadUrl(url, "prompt URL must start with flash:", 1);
        }
        int at = "flash:".length();
        if (url.startsWith("/", at)) {
            at++;
        }
        String name = url.substring(at);
        if (name.isEmpty()) {
            return new PromptResolution.BadUrl(url, "no file name after flash:", at + 1);
        }
        if (name.length() > MAX_NAME) {
            return new PromptResolution.BadUrl(url, "file name longer than " + MAX_NAME, at + 1);
        }
        if (!NAME.matcher(name).matches()) {
            int bad = firstBadChar(name);
            return new PromptResolution.BadUrl(url, bad >= 0
                    ? "character '" + name.charAt(bad) + "' not allowed in a prompt name"
                    : "prompt name must end in .au", at + 1 + Math.max(bad, 0));
        }
        List<String> searched = new ArrayList<>();
        if (directory.isPresent()) {
            Path file = directory.get().resolve(name);
            searched.add(file.toString());
            if (Files.isRegularFile(file)) {
                try {
                    if (Files.size(file) > MAX_BYTES) {
                        searched.add(file + " is larger than " + MAX_BYTES + " bytes");
                    } else {
                        return new PromptResolution.Found(name, PromptResolution.Origin.DIRECTORY, Files.readAllBytes(file));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("reading prompt " + file, e);
                }
            }
        }
        searched.add("bundled:" + name);
        try (InputStream in = PromptResolver.class.getResourceAsStream(BUNDLE + name)) {
            if (in != null) {
                return new PromptResolution.Found(name, PromptResolution.Origin.BUNDLED, in.readNBytes((int) MAX_BYTES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading bundled prompt " + name, e);
        }
        return new PromptResolution.NotFound(name, List.copyOf(searched));
    }

    private static int firstBadChar(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '_' || (i > 0 && (c == '.' || c == '-'));
            if (!ok) {
                return i;
            }
        }
        return -1;
    }
}
