'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { EventSummary } from '@/lib/explorer/event-summary';
import { maskSecrets } from '@/lib/explorer/mask-secrets';
import { BodyView } from './body-view';
import { ChangesView } from './changes-view';

/** Request and response bodies; a Secret's data stays masked until "Reveal" is clicked. */
export function BodiesSection({ summary }: { summary: EventSummary }) {
  const [revealed, setRevealed] = useState(false);
  const request = maskSecrets(summary.requestObject, summary.secretsRequest);
  const response = maskSecrets(summary.responseObject, summary.secretsRequest);
  const masked = request.count + response.count;
  const none = summary.requestObject === undefined && summary.responseObject === undefined;
  return (
    <section aria-label="Bodies" className="px-5 py-4">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Bodies</h3>
        {masked > 0 && (
          <div className="flex items-center gap-2 text-xs text-amber-800">
            {revealed
              ? 'Secret values shown.'
              : `${masked} secret value${masked === 1 ? '' : 's'} masked.`}
            <Button onClick={() => setRevealed(!revealed)}>
              {revealed ? 'Hide secret values' : 'Reveal secret values'}
            </Button>
          </div>
        )}
      </div>
      {none ? (
        <p className="text-sm text-slate-500">
          No request or response body was logged for this request (audit level{' '}
          {summary.main.level ?? 'unknown'}).
        </p>
      ) : (
        <div className="space-y-3">
          <ChangesView
            verb={summary.main.verb}
            request={summary.requestObject}
            response={summary.responseObject}
            shownRequest={revealed ? summary.requestObject : request.body}
            maskFields={!revealed && summary.secretsRequest}
          />
          {summary.requestObject !== undefined && (
            <BodyView
              title="Request object"
              body={revealed ? summary.requestObject : request.body}
            />
          )}
          {summary.responseObject !== undefined && (
            <BodyView
              title="Response object"
              body={revealed ? summary.responseObject : response.body}
            />
          )}
        </div>
      )}
    </section>
  );
}
