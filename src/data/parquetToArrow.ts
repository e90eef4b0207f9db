import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { SchemaTree } from 'hyparquet';
import {
  Bool,
  DateDay,
  Float64,
  Int32,
  Table,
  Utf8,
  type DataType,
  type Vector,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';

/**
 * Decodes a Parquet file in JavaScript and re-encodes it as an Arrow IPC stream.
 * Why: DuckDB-WASM ≥ 1.29 fetches its Parquet reader as a remote extension, which an offline
 * app cannot do, while Arrow IPC is built in (see README, "Loading Parquet offline").
 */
export function arrowTypeFor(node: SchemaTree): DataType {
  const el = node.element;
  const logical = el.logical_type?.type;
  if (logical === 'DATE' || el.converted_type === 'DATE') return new DateDay();
  if (logical === 'DECIMAL' || el.converted_type === 'DECIMAL') return new Float64();
  switch (el.type) {
    case 'BOOLEAN':
      return new Bool();
    case 'INT32':
      return new Int32();
    case 'INT64': // DuckDB writes BIGINT/HUGEINT sums as INT64; doubles keep SQL arithmetic simple
    case 'FLOAT':
    case 'DOUBLE':
      return new Float64();
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      return new Utf8();
    default:
      throw new Error(`tipo Parquet no soportado en la columna ${el.name}: ${String(el.type)}`);
  }
}

function normaliseValue(v: unknown, type: DataType): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (type instanceof Utf8 && typeof v !== 'string') return String(v);
  return v;
}

export async function parquetToArrowTable(buffer: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(buffer);
  const schema = parquetSchema(metadata);
  const leaves = schema.children;
  const rows = await parquetReadObjects({ file: buffer, metadata });
  const columns: Record<string, Vector> = {};
  for (const leaf of leaves) {
    const name = leaf.element.name;
    const type = arrowTypeFor(leaf);
    const values = rows.map((r) => normaliseValue(r[name], type));
    columns[name] = vectorFromArray(values as never[], type) as Vector;
  }
  return new Table(columns);
}

export async function parquetToArrowIPC(buffer: ArrayBuffer): Promise<Uint8Array> {
  return tableToIPC(await parquetToArrowTable(buffer), 'stream');
}
