import { beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../../src/i18n';
import type { Units } from '../../../src/data/units';
import type { Catalog } from '../../../src/data/catalog';
import type { Boundaries } from '../../../src/data/boundaries';
import { rankScenario } from '../../../src/state/ranking';
import { updaters } from '../../../src/state/scenarioUpdaters';
import { defaultScenario } from '../../../src/state/scenario';
import { rankingCsv, csvField } from '../../../src/export/csv';
import { scoredGeoJson } from '../../../src/export/geojson';
import { booleanClockwise } from '@turf/turf';
import { provenance, type ExportContext } from '../../../src/export/provenance';
import { mapSvg, projectUnits, wrap } from '../../../src/export/svgMap';
import { unitColours } from '../../../src/map/classes';
import { workshopScenario } from '../state/workshopScenario';

const ids = ['0801', '0802', '0803', '0101'];
const units: Units = {
  level: 'provincia',
  ids,
  names: ['Cusco', 'Acomayo', 'Anta, "la bella"', 'Chachapoyas'],
  departamentos: ['Cusco', 'Cusco', 'Cusco', 'Amazonas'],
  ubigeoDep: ['08', '08', '08', '01'],
  ubigeoProv: ids,
  provincias: ['Cusco', 'Acomayo', 'Anta', 'Chachapoyas'],
  values: {
    pobreza_pct: Float64Array.from([10, 40, 30, 50]),
    antiguedad_mediana: Float64Array.from([20, 35, NaN, 10]),
  },
  sql: {},
};
const catalog = {
  schemaVersion: 1,
  inputsSha256: 'abcdef0123456789',
  pipelineSha256: 'x',
  datasets: [
    { id: 'distritos', title: { es: 'Distritos: población y pobreza', en: 'Districts' }, institution: 'INEI', vintage: { es: 'pobreza 2018', en: 'poverty 2018' }, licence: { es: 'MIT', en: 'MIT' } },
    { id: 'establecimientos', title: { es: 'Establecimientos (IPRESS)', en: 'Facilities' }, institution: 'MINSA', vintage: { es: '2017-02', en: '2017-02' }, licence: { es: 'MIT', en: 'MIT' } },
    { id: 'limites_provincias', title: { es: 'Límites provinciales', en: 'Province limits' }, institution: 'INEI', vintage: { es: '2025', en: '2025' }, licence: { es: 'GPL-3', en: 'GPL-3' } },
  ],
} as unknown as Catalog;
// clockwise, as topojson-client writes the pipeline's boundaries
const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]] });
const boundaries: Boundaries = {
  type: 'FeatureCollection',
  features: ids.map((ubigeo, k) => ({ type: 'Feature', properties: { ubigeo }, geometry: square(k === 3 ? -60 : -72 + k, -14) })),
};

function context(): ExportContext {
  let s = updaters.clearIndicators(workshopScenario());
  s = updaters.setWeight(s, 'pobreza_pct', 30);
  s = updaters.setWeight(s, 'antiguedad_mediana', 10);
  s = updaters.setScope(s, { departamento: '08', provincia: null });
  const ranking = rankScenario(units, s);
  return { scenario: s, units, ranking, catalog, scopeName: 'Cusco', lng: 'es', t: i18next.t.bind(i18next) as ExportContext['t'], exportedAt: '2026-05-02T09:00:00.000Z' };
}

beforeAll(async () => {
  await initI18n('es');
});

describe('exports', () => {
  it('provenance: question, weights, dates, sources and versions', () => {
    const p = provenance(context());
    expect(p.question).toMatch(/Cusco/);
    expect(p.weights.map((w) => [w.id, Math.round(w.pct)])).toEqual([
      ['antiguedad_mediana', 25],
      ['pobreza_pct', 75],
    ]);
    expect(p.sources.map((d) => d.id)).toEqual(['establecimientos', 'distritos', 'limites_provincias']);
    expect(p.dataVersion).toBe('abcdef0123456789');
    expect(p.note).toMatch(/insumo para una decisión humana/);
    // an empty question falls back to the app's question
    expect(provenance({ ...context(), scenario: defaultScenario() }).question).toMatch(/^¿En qué provincias/);
  });

  it('CSV: a metadata header, then one quoted row per unit in ranking order', () => {
    const csv = rankingCsv(context());
    expect(csv.startsWith('\ufeff# ')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const meta = lines.filter((l) => l.startsWith('#')).join('\n');
    for (const needle of ['Pregunta de decisión: ¿En qué provincias de Cusco', 'Pesos:', '75.0 %', 'Fecha del escenario: 2026-05-01T15:30:00.000Z', 'MINSA — Establecimientos (IPRESS) (2017-02)', 'INEI', 'abcdef012345', 'insumo para una decisión humana']) {
      expect(meta).toContain(needle);
    }
    const body = lines.filter((l) => !l.startsWith('#'));
    expect(body[0]).toBe('puesto,ubigeo,nombre,departamento,puntaje,cobertura_peso_pct,valor:antiguedad_mediana,aporte:antiguedad_mediana,valor:pobreza_pct,aporte:pobreza_pct');
    // Cusco's three provinces only; Acomayo first (poorest and oldest)
    expect(body).toHaveLength(4);
    expect(body[1].startsWith('1,0802,Acomayo,Cusco,100,100,35,')).toBe(true);
    expect(body.some((l) => l.includes('"Anta, ""la bella"""'))).toBe(true);
    expect(csvField(NaN)).toBe('');
  });

  it('GeoJSON: the scored units of the scope with the provenance as metadata', () => {
    const g = scoredGeoJson(context(), boundaries);
    expect(g.features.map((f) => f.properties.ubigeo)).toEqual(['0802', '0803', '0801']);
    expect(g.features[0].properties).toMatchObject({ puesto: 1, puntaje: 100, departamento: 'Cusco' });
    expect(g.metadata.weights).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(g)).metadata.question).toMatch(/Cusco/);
    // RFC 7946 winding: every exterior ring counter-clockwise, every hole clockwise
    for (const f of g.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
      expect(polygons.length).toBeGreaterThan(0);
      for (const [outer, ...holes] of polygons) {
        expect(booleanClockwise(outer)).toBe(false);
        for (const h of holes) expect(booleanClockwise(h)).toBe(true);
      }
    }
  });

  it('SVG map: fitted to the scope, coloured, with title, legend and sources', () => {
    const ctx = context();
    const paths = projectUnits(boundaries, new Set(['0801', '0802', '0803']), { x: 0, y: 0, width: 300, height: 100 });
    // Amazonas' square lies far east of the fitted view: left out
    expect(paths.map((p) => p.ubigeo)).toEqual(['0801', '0802', '0803']);
    const svg = mapSvg({
      boundaries,
      index: new Map(ids.map((id, i) => [id, i])),
      colours: unitColours(ctx.ranking, ctx.scenario.classes, 1),
      fit: new Set(['0801', '0802', '0803']),
      width: 600,
      height: 400,
      title: 'Mesa 3 <Cusco>',
      legend: [{ colour: '#bd0026', label: '80 – 100' }],
      footer: ['Fuentes: INEI & MINSA'],
    });
    expect(svg).toContain('Mesa 3 &lt;Cusco&gt;');
    expect(svg).toContain('INEI &amp; MINSA');
    expect(svg).toContain('data-ubigeo="0802"');
    // the map is clipped to its own box, below the title
    const clip = /<clipPath id="(map-box-\d+)"><rect x="8" y="\d+" /.exec(svg)?.[1];
    expect(clip).toBeTruthy();
    expect(svg).toContain(`<g clip-path="url(#${clip})">`);
    expect(wrap('uno dos tres cuatro', 9)).toEqual(['uno dos', 'tres', 'cuatro']);
  });

  it('SVG map: the top N named with their rank, escaped, a unit outside the view not named', () => {
    const ctx = context();
    const svg = mapSvg({
      boundaries,
      index: new Map(ids.map((id, i) => [id, i])),
      colours: unitColours(ctx.ranking, ctx.scenario.classes, 1),
      fit: new Set(['0801', '0802', '0803']),
      width: 600,
      height: 400,
      labels: [
        { ubigeo: '0802', text: '1. Acomayo & <Cusco>' },
        { ubigeo: '0101', text: '2. Chachapoyas' },
      ],
    });
    expect(svg).toContain('>1. Acomayo &amp; &lt;Cusco&gt;</text>');
    // Amazonas lies outside the fitted view: its label would fall off the map
    expect(svg).not.toContain('Chachapoyas');
  });

  it('SVG map: department names in capitals after the top N, only those inside the view', () => {
    const ctx = context();
    const dept = (ubigeo: string, from: string, departamento: string) => ({ ...boundaries.features.find((f) => f.properties.ubigeo === from)!, properties: { ubigeo, departamento } });
    const outlines = { ...boundaries, features: [dept('08', '0801', 'Cusco'), dept('01', '0101', 'Amazonas')] } as typeof boundaries;
    const o = {
      boundaries,
      index: new Map(ids.map((id, i) => [id, i])),
      colours: unitColours(ctx.ranking, ctx.scenario.classes, 1),
      fit: new Set(['0801', '0802', '0803']),
      width: 600,
      height: 400,
      outlines,
      labels: [{ ubigeo: '0802', text: '1. Acomayo' }],
    };
    expect(mapSvg(o)).not.toContain('>CUSCO</text>');
    const svg = mapSvg({ ...o, departmentNames: true });
    expect(svg).toContain('>CUSCO</text>');
    expect(svg).not.toContain('AMAZONAS');
    expect(svg.indexOf('1. Acomayo')).toBeLessThan(svg.indexOf('>CUSCO<'));
  });
});
