/** A round map-symbol swatch (legend, filters): the point's colour at its size on the map. */
export function Dot({ rgb, size }: { rgb: readonly number[]; size: number }) {
  return <span className="dot" aria-hidden="true" style={{ width: size, height: size, background: `rgb(${rgb.join(',')})` }} />;
}
