/**
 * A caller that speaks over Media Streams in μ-law audio, for the voice tests and the voice benchmark (it needs
 * voice-bridge's codec, so it is not among the loopback fakes). Start with {@link dev.aragent.server.demo.MediaCaller}.
 */
@NullMarked
package dev.aragent.server.demo;

import org.jspecify.annotations.NullMarked;
