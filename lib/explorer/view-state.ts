// The explorer's whole view as a URL: the AuditQuery (lib/query/codec) plus three params of
// the view itself, written in the codec's order and style:
//   split=user   timeline split (default verb; `none` for no split; `codeClass` for 2xx/4xx/…)
//   event=<id>   the request open in the drill-down
//   cols=a,b     visible table columns (default: DEFAULT_COLUMNS)
//   theme=dark   light or dark whatever the viewer chose (embeds); lib/explorer/theme.ts

import { DIMENSIONS, isDimensionKey, type DimensionKey } from '@/lib/audit/dimensions';
import { formatQuery, parseQuery } from '@/lib/query/codec';
import { quote } from '@/lib/query/errors';
import type { AuditQuery } from '@/lib/query/types';
import {
  COLUMN_IDS,
  DEFAULT_COLUMNS,
  isColumnId,
  orderColumns,
  sameColumns,
  type ColumnId,
} from './columns';
import { isTheme, THEME_PARAM, type Theme } from './theme';

export const VIEW_PARAMS = ['split', 'event', 'cols', THEME_PARAM] as const;
export const DEFAULT_SPLIT: DimensionKey = 'verb';
export const NO_SPLIT = 'none';
/** Splits by response-code class (2xx, 4xx, …), derived in the client from a split by code. */
export const CODE_CLASS_SPLIT = 'codeClass';
export type Split = DimensionKey | typeof CODE_CLASS_SPLIT;
export const GROUPABLE_KEYS: readonly DimensionKey[] = DIMENSIONS.filter((d) => d.groupable).map(
  (d) => d.key,
);

export interface ExplorerView {
  query: AuditQuery;
  /** Timeline split dimension; null draws one series. */
  split: Split | null;
  /** auditID of the request open in the drill-down. */
  event: string | null;
  /** Visible table columns, in table order. */
  cols: readonly ColumnId[];
  /** The theme the URL sets; null leaves it to the viewer's choice. */
  theme: Theme | null;
}

/** A bad URL parameter: its name as written and a message that names it. */
export interface ViewError {
  param: string;
  message: string;
}

export type ViewParseResult = { ok: true; view: ExplorerView } | { ok: false; error: ViewError };

const EVENT_ID = /^[^\u0000-\u001f\u007f]{1,256}$/;

export function parseView(params: URLSearchParams): ViewParseResult {
  const parsed = parseQuery(params, { extraParams: VIEW_PARAMS });
  if (!parsed.ok) return fail(parsed.error.param, parsed.error.message);
  const extras = parsed.extras;
  for (const name of VIEW_PARAMS) {
    const n = extras[name]?.length ?? 0;
    if (n > 1) return fail(name, `parameter "${name}": given ${n} times, expected at most once`);
  }
  const splitRaw = extras.split?.[0] || DEFAULT_SPLIT;
  let split: Split | null = null;
  if (splitRaw === CODE_CLASS_SPLIT) {
    split = CODE_CLASS_SPLIT;
  } else if (splitRaw !== NO_SPLIT) {
    if (!isDimensionKey(splitRaw) || !GROUPABLE_KEYS.includes(splitRaw)) {
      const expected = [...GROUPABLE_KEYS, CODE_CLASS_SPLIT, NO_SPLIT].join(', ');
      return fail(
        'split',
        `parameter "split": expected one of ${expected}, got ${quote(splitRaw)}`,
      );
    }
    split = splitRaw;
  }
  const eventRaw = extras.event?.[0] || null;
  if (eventRaw !== null && !EVENT_ID.test(eventRaw)) {
    const expected = 'expected an auditID of 1 to 256 characters without control characters';
    return fail('event', `parameter "event": ${expected}, got ${quote(eventRaw)}`);
  }
  const colsRaw = extras.cols?.[0] || null;
  let cols: readonly ColumnId[] = DEFAULT_COLUMNS;
  if (colsRaw !== null) {
    const ids = colsRaw.split(',');
    const bad = ids.find((id) => !isColumnId(id));
    if (bad !== undefined) {
      const expected = `expected a comma-separated list of ${COLUMN_IDS.join(', ')}`;
      return fail('cols', `parameter "cols": ${expected}, got ${quote(bad)}`);
    }
    cols = orderColumns(ids.filter(isColumnId));
  }
  const themeRaw = extras[THEME_PARAM]?.[0] || null;
  if (themeRaw !== null && !isTheme(themeRaw)) {
    return fail(THEME_PARAM, `parameter "theme": expected light or dark, got ${quote(themeRaw)}`);
  }
  return {
    ok: true,
    view: { query: parsed.query, split, event: eventRaw, cols, theme: themeRaw },
  };
}

/** The search string (no `?`) of a view: canonical, defaults left out. */
export function formatView(view: ExplorerView): string {
  const extras: Record<string, string> = {};
  if (view.split !== DEFAULT_SPLIT) extras.split = view.split ?? NO_SPLIT;
  if (view.event !== null) extras.event = view.event;
  if (!sameColumns(view.cols, DEFAULT_COLUMNS) && view.cols.length > 0) {
    extras.cols = orderColumns(view.cols).join(',');
  }
  if (view.theme !== null) extras[THEME_PARAM] = view.theme;
  return formatQuery(view.query, extras);
}

/** The explorer's URL path for a view: `/` or `/?verb=get`. */
export function viewHref(view: ExplorerView): string {
  const search = formatView(view);
  return search === '' ? '/' : `/?${search}`;
}

/** A search string without every occurrence of one parameter, for "remove the bad param" links. */
export function withoutParam(params: URLSearchParams, param: string): string {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (k !== param) out.append(k, v);
  const s = out.toString();
  return s === '' ? '/' : `/?${s}`;
}

function fail(param: string, message: string): ViewParseResult {
  return { ok: false, error: { param, message } };
}
