import { TextLayer } from '@deck.gl/layers';

/** One label on screen: position, text, whether it is one of the top N, its size (px, by zoom) and kind. */
export interface MapLabel {
  position: [number, number];
  text: string;
  top: boolean;
  size: number;
  /** A department's name over the units (context, in capitals and a lighter colour). */
  department?: boolean;
}

/**
 * Unit names, drawn by deck.gl from the system's sans-serif (no font file is fetched); white halo
 * for reading over any colour. Which labels exist is decided by `declutter` when the camera stops.
 */
export function labelLayer(labels: MapLabel[], opacity: number, version: string, characterSet: string[]) {
  return new TextLayer<MapLabel>({
    id: 'nombres',
    data: labels,
    opacity,
    pickable: false,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getSize: (d) => d.size,
    getColor: (d) => (d.top ? [10, 10, 10, 255] : d.department ? [35, 55, 95, 255] : [40, 40, 40, 255]),
    fontFamily: "'DejaVu Sans', Verdana, Arial, sans-serif",
    fontWeight: 600,
    // accented names (Marañón, Huánuco): every character of the level's names, so the glyph atlas
    // is built once and not again whenever the labels shown change
    characterSet,
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    updateTriggers: { getSize: version, getColor: version },
  });
}
