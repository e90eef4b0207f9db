/**
 * What a notebook cell shows: HTML tables and small SVG bar charts, as Jupyter display objects
 * (Deno's kernel renders any value with a `Symbol.for('Jupyter.display')` method). Plain
 * TypeScript, no DOM: the rendered HTML (npm run notebooks) works offline.
 */
type Cell = string | number | null | undefined;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: Cell, digits = 2) =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))
    ? '—'
    : typeof v === 'number'
      ? v.toLocaleString('es-PE', { maximumFractionDigits: Number.isInteger(v) ? 0 : digits })
      : String(v);

export function display(mime: Record<string, string>) {
  return { [Symbol.for('Jupyter.display')]: () => mime };
}

/** A table with a header row; numbers right-aligned in Peruvian Spanish format. */
export function table(headers: string[], rows: Cell[][], caption = '', digits = 2) {
  const head = headers.map((h) => `<th style="text-align:left;padding:2px 8px">${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((v) => `<td style="padding:2px 8px;text-align:${typeof v === 'number' ? 'right' : 'left'}">${esc(fmt(v, digits))}</td>`).join('')}</tr>`)
    .join('');
  const text = [headers.join('\t'), ...rows.map((r) => r.map((v) => fmt(v, digits)).join('\t'))].join('\n');
  return display({
    'text/html': `<table style="border-collapse:collapse;font-size:13px">${caption ? `<caption style="text-align:left;font-weight:bold">${esc(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`,
    'text/plain': text,
  });
}

/** Horizontal bars (one per label), value written at the end; colour-blind-safe blue. */
export function bars(items: { label: string; value: number }[], title: string, unit = '') {
  const w = 640;
  const labelW = 230;
  const rowH = 18;
  const max = Math.max(...items.map((d) => Math.abs(d.value)), 1e-9);
  const h = items.length * rowH + 28;
  const rows = items
    .map((d, i) => {
      const y = 24 + i * rowH;
      const bw = ((w - labelW - 90) * Math.abs(d.value)) / max;
      return (
        `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" font-size="12">${esc(d.label.slice(0, 36))}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${bw.toFixed(1)}" height="${rowH - 5}" fill="#2166ac"/>` +
        `<text x="${labelW + bw + 4}" y="${y + 12}" font-size="11">${esc(fmt(d.value))}${unit ? ` ${esc(unit)}` : ''}</text>`
      );
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" role="img" aria-label="${esc(title)}" font-family="DejaVu Sans, sans-serif"><text x="0" y="14" font-size="13" font-weight="bold">${esc(title)}</text>${rows}</svg>`;
  // as HTML: nbconvert's HTML export strips the shapes out of an image/svg+xml output
  return display({ 'text/html': svg, 'text/plain': `${title}\n${items.map((d) => `${d.label}: ${fmt(d.value)}`).join('\n')}` });
}

/** Stops the notebook (the cell errors, nbconvert fails, CI is red) when a check does not hold. */
export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`Comprobación fallida: ${what}`);
  console.log(`✓ ${what}`);
}
