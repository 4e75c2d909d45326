/**
 * A drawing in two layouts, one shown per screen width by the page's style (`.wide-only`, `.narrow-only`): an
 * SVG scaled down from 640 units to a phone would shrink its 11 px labels to about 6 px, so phones get their
 * own narrower drawing whose labels stay at their size.
 */
export function responsiveDrawing(wide: string, narrow: string): string {
  return `<div class="wide-only">${wide}</div><div class="narrow-only">${narrow}</div>`;
}
