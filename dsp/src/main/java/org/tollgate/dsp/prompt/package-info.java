/**
 * Prompts on the media side: {@link org.tollgate.dsp.prompt.PromptAudio} decodes prompt files for
 * playing, {@link org.tollgate.dsp.prompt.PromptRecognizer} tells a simulated phone which prompt it heard.
 */
package org.tollgate.dsp.prompt;
