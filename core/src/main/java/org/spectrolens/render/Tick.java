package org.spectrolens.render;

/**
 * One labelled tick of a drawn axis.
 *
 * @param value the tick's value in the axis unit (Hz, seconds, a coefficient index or a colour-bar value)
 * @param pixel where it is drawn: the y pixel row for vertical axes, the x pixel column for the time axis
 *     (fractional; the mark is drawn at the nearest pixel)
 * @param label the text drawn beside it
 */
public record Tick(double value, double pixel, String label) {}
