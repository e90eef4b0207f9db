import { HOTSPOT_COLOURS } from '../map/conflictLayers';
import type { HotspotClass } from '../domain/hotspots';
import { cssColour } from '../map/palette';

/** Classes shown in the legend and summary, in reading order, with their colours. */
const ORDER: HotspotClass[] = ['alto-alto', 'bajo-bajo', 'alto-bajo', 'bajo-alto', 'no significativo', 'sin vecinos'];
export const HOTSPOT_CLASSES = ORDER.map((id) => ({ id, css: cssColour(HOTSPOT_COLOURS[id]) }));
