/**
 * IVR prompts: {@link org.tollgate.ivrprompts.PromptResolver} turns {@code flash:NAME.au} into prompt
 * bytes from the configured prompt directory or the English prompts bundled here
 * ({@link org.tollgate.ivrprompts.Prompts}). Decoding and playing is the dsp module's job
 * ({@code org.tollgate.dsp.au.AudioFiles}, {@code org.tollgate.dsp.prompt.PromptAudio}).
 */
package org.tollgate.ivrprompts;
