/**
 * Pictures of spectrograms and explanation maps, with Java2D and ImageIO only (headless).
 *
 * <ul>
 *   <li>{@link org.spectrolens.render.ColorMap}: matplotlib's viridis, magma, inferno, grey and jet.
 *   <li>{@link org.spectrolens.render.SpectrogramImage}: a spectrogram as a PNG, low frequencies at the
 *       bottom, round Hz/kHz ticks placed through the frequency axis (so mel and log axes are right),
 *       seconds from the time axis, optional title and colour bar.
 *   <li>{@link org.spectrolens.render.OverlayImage}: an explanation map in a second colour map over the
 *       spectrogram, on the same axes, titled {@code "class (p = 0.93)"}.
 *   <li>{@link org.spectrolens.render.PanelFigure}: several pictures side by side under one title.
 *   <li>{@link org.spectrolens.render.Figure}: a rendered plot plus the pixel geometry to go between
 *       pixels and Hz/seconds.
 * </ul>
 *
 * Training curves and confusion matrices are charts, drawn elsewhere with XChart.
 */
package org.spectrolens.render;
