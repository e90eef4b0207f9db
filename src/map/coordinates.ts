/** Pointer position as a planner reads it: degrees with hemisphere letters, 4 decimals (≈ 11 m). */
export function formatLonLat(lon: number, lat: number, lng: string): string {
  const fmt = new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'es-PE', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  // Spanish writes west as «O» (oeste); English as «W».
  const west = lng === 'en' ? 'W' : 'O';
  const east = 'E';
  const ns = `${fmt.format(Math.abs(lat))}° ${lat < 0 ? 'S' : 'N'}`;
  const ew = `${fmt.format(Math.abs(lon))}° ${lon < 0 ? west : east}`;
  return `${ns}, ${ew}`;
}
