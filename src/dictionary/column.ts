import type { ColumnDef, ColumnType } from './types.js';

/** One column of the dictionary; the short builders below name its type. */
export const column = (type: ColumnType, name: string, unit: string, vi: string, en: string): ColumnDef => ({
  name,
  type,
  unit,
  vi,
  en,
});

export const textColumn = (name: string, vi: string, en: string): ColumnDef =>
  column('string', name, '', vi, en);

export const countColumn = (name: string, vi: string, en: string, unit = 'enterprises'): ColumnDef =>
  column('integer', name, unit, vi, en);

export const decimalColumn = (name: string, unit: string, vi: string, en: string): ColumnDef =>
  column('decimal', name, unit, vi, en);
