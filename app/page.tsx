// The explorer's page: checks the URL, preloads what the panels will fetch, renders the client.

import { preload } from 'react-dom';
import { Explorer } from '@/components/explorer/explorer';
import { ParamError } from '@/components/explorer/param-error';
import { initialPanelUrls } from '@/lib/explorer/panel-urls';
import { parseView, withoutParam, type ViewParseResult } from '@/lib/explorer/view-state';
import { toURLSearchParams } from '@/lib/query/codec';
import { QueryParamError } from '@/lib/query/errors';
import { nowMicros, resolveRange } from '@/lib/query/time';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The explorer. The URL holds the whole view; a URL it can't read gets an error naming the param. */
export default async function ExplorerPage({ searchParams }: { searchParams: SearchParams }) {
  const params = toURLSearchParams(await searchParams);
  const parsed = checkRange(parseView(params));
  if (!parsed.ok) {
    return (
      <ParamError error={parsed.error} removeHref={withoutParam(params, parsed.error.param)} />
    );
  }
  // The browser starts the panels' queries while it loads and hydrates the scripts; the
  // panels' fetch() then picks up these responses (same URL, same CORS mode).
  for (const url of initialPanelUrls(parsed.view)) {
    preload(url, { as: 'fetch', crossOrigin: 'anonymous' });
  }
  return <Explorer />;
}

/** `from` before `to` when one is relative and the other absolute needs the clock. */
function checkRange(parsed: ViewParseResult): ViewParseResult {
  if (!parsed.ok) return parsed;
  try {
    resolveRange(parsed.view.query, nowMicros());
    return parsed;
  } catch (e) {
    if (e instanceof QueryParamError)
      return { ok: false, error: { param: e.param, message: e.message } };
    throw e;
  }
}
