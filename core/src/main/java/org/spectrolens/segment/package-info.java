/**
 * Segmentation of spectrograms (and explanation maps) into labelled time-frequency regions, each
 * read back in seconds and Hz.
 *
 * <ul>
 *   <li>Methods, an open family listed by {@link org.spectrolens.segment.Segmenters}: global
 *       {@link org.spectrolens.segment.Threshold}, {@link org.spectrolens.segment.Otsu} (as
 *       skimage.filters.threshold_otsu), {@link org.spectrolens.segment.RegionGrowing} (flood fill
 *       from seeds), {@link org.spectrolens.segment.KMeans} on cell values, and
 *       {@link org.spectrolens.segment.Felzenszwalb} (as skimage.segmentation.felzenszwalb).</li>
 *   <li>{@link org.spectrolens.segment.Morphology}: binary erosion, dilation, opening, closing with
 *       a rectangular element (as skimage.morphology / scipy.ndimage).</li>
 *   <li>{@link org.spectrolens.segment.ConnectedComponents} (4- or 8-connected).</li>
 *   <li>{@link org.spectrolens.segment.Segmentation}: levels (dB), method, morphology, giving a
 *       {@link org.spectrolens.segment.LabelGrid} (0 = background, 1..n regions on the grid's axes)
 *       and its {@link org.spectrolens.segment.Region}s (time span in s, band in Hz, area, energy).</li>
 *   <li>{@link org.spectrolens.segment.SceneDetection}: event detection by segmentation on the
 *       built-in monitoring scene, scored against its ideal binary masks.</li>
 * </ul>
 *
 * Grids are [frequency][time], row 0 the lowest frequency, as everywhere in spectrolens; the
 * methods' levels are in the grid's unit (dB for a spectrogram).
 */
package org.spectrolens.segment;
