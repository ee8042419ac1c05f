import { Resvg } from '@resvg/resvg-js';
import { DteError } from '../domain/errors.js';

/** An SVG that resvg could not render. */
export class ChartRenderError extends DteError {}

/**
 * PNG bytes of an SVG, drawn by resvg at twice the size for sharp text on phones; text uses the
 * system's fonts (DejaVu and Liberation carry Vietnamese), so install one where the PNG is made.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  try {
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
      background: '#ffffff',
    });
    return resvg.render().asPng();
  } catch (error) {
    throw new ChartRenderError(`cannot render the chart: ${(error as Error).message}`);
  }
}
