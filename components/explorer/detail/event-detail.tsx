'use client';

import Link from 'next/link';
import { ErrorState, LoadingState } from '@/components/ui/panel-state';
import type { EventDetail as Detail } from '@/lib/backends/types';
import { eventUrl } from '@/lib/explorer/api-client';
import { summarizeEvent } from '@/lib/explorer/event-summary';
import { useApi } from '@/lib/explorer/use-api';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { CodeBadge } from '../code-badge';
import { BodiesSection } from './bodies-section';
import { ResultSection } from './result-section';
import { WhatSection } from './what-section';
import { WhenSection } from './when-section';
import { WhoSection } from './who-section';

/** Everything about one request: who, what, result, when, and its bodies. */
export function EventDetail({
  auditID,
  base,
  showPermalink = false,
}: {
  auditID: string;
  /** The view links from here start from (filters by user, object). */
  base: ExplorerView;
  showPermalink?: boolean;
}) {
  const { data, error } = useApi<Detail>(eventUrl(auditID, base.query.source));
  if (error) {
    const title =
      error.code === 'not_found' ? 'No such request' : 'The request could not be loaded';
    return (
      <div className="p-5">
        <ErrorState title={title} message={error.message} />
      </div>
    );
  }
  const summary = data && data.auditID === auditID ? summarizeEvent(data) : null;
  if (!summary) {
    return (
      <div className="p-5">
        <LoadingState label="Loading the request…" rows={8} />
      </div>
    );
  }
  const e = summary.main;
  const ref = e.objectRef;
  const what = [ref?.resource, ref?.subresource].filter(Boolean).join('/');
  const object = [ref?.namespace, ref?.name].filter(Boolean).join('/');
  const permalink =
    base.query.source === 'default'
      ? `/events/${encodeURIComponent(auditID)}`
      : `/events/${encodeURIComponent(auditID)}?source=${encodeURIComponent(base.query.source)}`;
  return (
    <article aria-label="Request detail">
      <header className="border-b border-slate-200 px-5 pt-1 pb-4">
        <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold break-all">
          <span className="font-mono">{e.verb ?? '(no verb)'}</span>
          {what && <span className="font-mono text-slate-600">{what}</span>}
          <CodeBadge code={e.responseStatus?.code} />
        </h2>
        {object && <p className="mt-1 font-mono text-sm break-all text-slate-700">{object}</p>}
        <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
          <span>
            auditID <code className="font-mono text-slate-700 select-all">{auditID}</code>
          </span>
          {showPermalink && (
            <Link href={permalink} prefetch={false} className="text-sky-700 hover:underline">
              Permalink
            </Link>
          )}
        </p>
      </header>
      <WhoSection event={e} base={base} />
      <WhatSection event={e} base={base} />
      <ResultSection event={e} />
      <WhenSection summary={summary} />
      <BodiesSection summary={summary} />
    </article>
  );
}
