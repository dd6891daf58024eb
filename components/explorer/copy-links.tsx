'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { resolveRangeMs, withAbsoluteRange } from '@/lib/explorer/time-range';
import { viewHref, type ExplorerView } from '@/lib/explorer/view-state';

type Copied = 'relative' | 'absolute' | 'failed' | null;

/**
 * "Copy link" copies this view as it is ("the last 24 hours" stays relative); "absolute"
 * pins the range to the instants it covers now, so the link shows the same events tomorrow.
 */
export function CopyLinks({ view }: { view: ExplorerView }) {
  const [copied, setCopied] = useState<Copied>(null);
  const copy = (kind: 'relative' | 'absolute') => {
    let v = view;
    if (kind === 'absolute') {
      const { startMs, endMs } = resolveRangeMs(view.query, Date.now());
      v = { ...view, query: withAbsoluteRange(view.query, startMs, endMs) };
    }
    const url = new URL(viewHref(v), window.location.origin).toString();
    const done = (c: Copied) => {
      setCopied(c);
      setTimeout(() => setCopied(null), 2000);
    };
    if (!navigator.clipboard) return done('failed');
    navigator.clipboard.writeText(url).then(
      () => done(kind),
      () => done('failed'),
    );
  };
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Share">
      <Button onClick={() => copy('relative')} title="Copy a link to this view">
        {copied === 'relative' ? 'Copied' : 'Copy link'}
      </Button>
      <Button
        onClick={() => copy('absolute')}
        title="Copy a link with this range fixed to absolute times"
      >
        {copied === 'absolute' ? 'Copied' : 'Copy absolute link'}
      </Button>
      {copied === 'failed' && <span className="text-xs text-red-700">Copy failed</span>}
    </div>
  );
}
