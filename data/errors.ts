// Errors meant for the person running the build: Spanish, short, and naming what to fix.
// build.ts prints only their message (no stack), so the text must stand on its own.
import { existsSync } from 'node:fs';
import { RAW_DIR_ENV } from './config';

export class DataInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataInputError';
  }
}

function envHint(env: NodeJS.ProcessEnv = process.env): string {
  const value = env[RAW_DIR_ENV];
  return value
    ? `La variable de entorno ${RAW_DIR_ENV} vale «${value}».`
    : `La variable de entorno ${RAW_DIR_ENV} no está definida (se usa la carpeta por defecto).`;
}

export function missingRawFileError(files: readonly string[], rawDir: string): DataInputError {
  const hint = `${envHint()} Copie allí los datos brutos o defina ${RAW_DIR_ENV} con la carpeta que los contiene.`;
  if (!existsSync(rawDir)) {
    const others = files.length > 1 ? ` y ${files.length - 1} archivos más` : '';
    return new DataInputError(
      `No existe la carpeta de datos brutos «${rawDir}», donde debería estar «${files[0]}»${others}. ${hint}`,
    );
  }
  const list = files.map((f) => `«${f}»`).join(', ');
  const what = files.length === 1 ? 'No se encontró el archivo de datos brutos' : 'No se encontraron los archivos de datos brutos';
  return new DataInputError(`${what} ${list} en la carpeta «${rawDir}». ${hint}`);
}

export function missingColumnError(
  file: string,
  rawDir: string,
  columns: readonly string[],
): DataInputError {
  const list = columns.map((c) => `«${c}»`).join(', ');
  const what = columns.length === 1 ? 'la columna esperada' : 'las columnas esperadas';
  return new DataInputError(
    `El archivo «${file}» (en «${rawDir}») no tiene ${what} ${list}: no parece la versión ` +
      `descrita en SOURCES.md. Revise el archivo o la carpeta indicada en ${RAW_DIR_ENV}.`,
  );
}

export function malformedFileError(file: string, rawDir: string, detail: string): DataInputError {
  return new DataInputError(
    `El archivo «${file}» (en «${rawDir}») está mal formado: ${detail}. ` +
      `Revise el archivo o la carpeta indicada en ${RAW_DIR_ENV}.`,
  );
}
