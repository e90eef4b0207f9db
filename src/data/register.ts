import type { DataSource } from './source';
import type { Register } from '../domain/userData';

/** Every facility of the register (with or without coordinates): what a user's file joins to by IPRESS code. */
export const REGISTER_SQL = `
SELECT codigo, coalesce(ubigeo, '') AS ubigeo, coalesce(categoria, 'Sin categoría') AS categoria, coalesce(nombre, '') AS nombre
FROM establecimientos
ORDER BY codigo`;

export async function loadRegister(source: DataSource): Promise<Register> {
  const t = await source.query(REGISTER_SQL, 'establecimientos');
  const n = t.numRows;
  const col = (name: string) => t.getChild(name)!;
  const strings = (name: string) => Array.from({ length: n }, (_, r) => String(col(name).get(r) ?? ''));
  return {
    codigo: Int32Array.from({ length: n }, (_, r) => Number(col('codigo').get(r))),
    ubigeo: strings('ubigeo'),
    categoria: strings('categoria'),
    nombre: strings('nombre'),
  };
}
