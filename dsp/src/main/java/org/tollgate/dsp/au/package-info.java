/**
 * Audio files: Sun/NeXT {@code .au} (μ-law, A-law, 8/16-bit linear, any header offset and annotation)
 * and RIFF/WAVE, read to mono 16-bit {@link org.tollgate.dsp.au.AudioClip}s; writers for test files.
 * Entry point: {@link org.tollgate.dsp.au.AudioFiles#read(java.nio.file.Path)}.
 */
package org.tollgate.dsp.au;
