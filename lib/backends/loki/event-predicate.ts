// The query's filters evaluated on one flattened event, exactly as sql-where.ts evaluates
// them in DuckDB. The event list re-checks every line Loki returns with it, because a LogQL
// list condition lets through lines whose list was longer than the elements extracted.

import { isCountedEvent } from '@/lib/audit/counting';
import { getDimension, type Dimension, type DimensionKey } from '@/lib/audit/dimensions';
import type { DimensionFilter, FilterValue, ResolvedQuery } from '@/lib/query/types';
import type { FlatRow } from '../embedded/schema';

const TEXT_DIMENSIONS: DimensionKey[] = [
  'user',
  'verb',
  'resource',
  'namespace',
  'name',
  'userAgent',
  'auditID',
];

/** The column as text, '' when missing (single-valued dimensions). */
function textOf(row: FlatRow, d: Dimension): string {
  const v = row[d.column];
  return v === null || v === undefined || Array.isArray(v) ? '' : String(v);
}

function listOf(row: FlatRow, d: Dimension): string[] {
  const v = row[d.column];
  return Array.isArray(v) ? v : [];
}

function valueMatches(row: FlatRow, d: Dimension, v: FilterValue): boolean {
  const test = (x: string) => (v.op === 'prefix' ? x.startsWith(v.value) : x === v.value);
  if (!d.multi) return test(textOf(row, d));
  const list = listOf(row, d);
  if (v.op === 'eq' && v.value === '') return list.length === 0;
  return list.some(test);
}

function filterMatches(row: FlatRow, f: DimensionFilter): boolean {
  const d = getDimension(f.dimension);
  const any = f.values.some((v) => valueMatches(row, d, v));
  return f.exclude ? !any : any;
}

function textMatches(row: FlatRow, text: string): boolean {
  const t = text.toLowerCase();
  const fields = TEXT_DIMENSIONS.map((k) => textOf(row, getDimension(k)));
  fields.push(String(row.request_uri ?? ''));
  fields.push(...listOf(row, getDimension('sourceIP')));
  return fields.some((x) => x.toLowerCase().includes(t));
}

/** Whether a flattened event matches the query's counting rule, filters and text. */
export function rowMatches(row: FlatRow, q: ResolvedQuery): boolean {
  const stageInclude = q.filters.some((f) => f.dimension === 'stage' && !f.exclude);
  if (!stageInclude) {
    const code = row[getDimension('code').column];
    if (!isCountedEvent(String(row.stage ?? ''), typeof code === 'number' ? code : null)) {
      return false;
    }
  }
  return q.filters.every((f) => filterMatches(row, f)) && (!q.text || textMatches(row, q.text));
}
