import { DataType, type RecordBatch, type Schema } from 'apache-arrow';
import type { ConsultRows } from './source';

type Cell = string | number | boolean | null;

/** One Arrow value as a plain cell: numbers as numbers (decimals scaled), dates as ISO text, the rest as text. */
function cellOf(value: unknown, type: DataType): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    if (typeof value === 'number' && (DataType.isDate(type) || DataType.isTimestamp(type))) return new Date(value).toISOString().replace('T00:00:00.000Z', '');
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().replace('T00:00:00.000Z', '');
  if (DataType.isDecimal(type)) {
    // arrow-js hands a decimal as its unscaled integer's words
    const words = value as Uint32Array;
    let big = 0n;
    for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]);
    const bits = BigInt(words.length * 32);
    if (big >> (bits - 1n)) big -= 1n << bits;
    return Number(big) / 10 ** type.scale;
  }
  return typeof (value as { toJSON?: () => unknown }).toJSON === 'function' ? JSON.stringify(value) : String(value);
}

const isNumeric = (t: DataType) => DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t);

/** Record batches of a result (up to `maxRows` rows) as plain rows, with each column's type. */
export function arrowRows(schema: Schema, batches: RecordBatch[], maxRows: number, truncated: boolean): ConsultRows {
  const fields = schema.fields;
  const rows: Cell[][] = [];
  for (const batch of batches) {
    const cols = fields.map((_, c) => batch.getChildAt(c));
    for (let r = 0; r < batch.numRows && rows.length < maxRows; r++) rows.push(fields.map((f, c) => cellOf(cols[c]?.get(r), f.type)));
  }
  return { columns: fields.map((f) => ({ name: f.name, type: String(f.type), numeric: isNumeric(f.type) })), rows, truncated };
}
