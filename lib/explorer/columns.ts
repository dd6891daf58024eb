// Columns of the event table, by id. The `cols` URL param lists the visible ones
// (`cols=time,user,verb`); without it the default set shows.

export const COLUMNS = [
  { id: 'time', label: 'Time' },
  { id: 'user', label: 'User' },
  { id: 'verb', label: 'Verb' },
  { id: 'resource', label: 'Resource' },
  { id: 'object', label: 'Namespace/Name' },
  { id: 'code', label: 'Code' },
  { id: 'sourceIP', label: 'Source IP' },
  { id: 'latency', label: 'Latency' },
  { id: 'userAgent', label: 'User agent' },
  { id: 'stage', label: 'Stage' },
] as const;

export type ColumnId = (typeof COLUMNS)[number]['id'];

export const COLUMN_IDS: readonly ColumnId[] = COLUMNS.map((c) => c.id);

export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'time',
  'user',
  'verb',
  'resource',
  'object',
  'code',
  'sourceIP',
  'latency',
];

export function isColumnId(s: string): s is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(s);
}

/** The ids in table order, without repeats. */
export function orderColumns(ids: readonly ColumnId[]): ColumnId[] {
  return COLUMN_IDS.filter((id) => ids.includes(id));
}

export function sameColumns(a: readonly ColumnId[], b: readonly ColumnId[]): boolean {
  const x = orderColumns(a);
  const y = orderColumns(b);
  return x.length === y.length && x.every((id, i) => id === y[i]);
}
