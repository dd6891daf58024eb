import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import type { ViewError } from '@/lib/explorer/view-state';

/** A URL the explorer can't read: what is wrong, naming the parameter, and ways out. */
export function ParamError({ error, removeHref }: { error: ViewError; removeHref?: string }) {
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Auditlens</h1>
      <div
        role="alert"
        className="mt-6 rounded-lg border border-red-200 bg-red-50 p-5 text-red-900"
      >
        <h2 className="font-semibold">
          This link has a bad parameter: <code className="font-mono">{error.param}</code>
        </h2>
        <p className="mt-2 font-mono text-sm break-words">{error.message}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          {removeHref && (
            <Link href={removeHref} prefetch={false} className={buttonClass('secondary')}>
              Remove <code className="font-mono">{error.param}</code>
            </Link>
          )}
          <Link href="/" prefetch={false} className={buttonClass('primary')}>
            Reset to the default view
          </Link>
        </div>
        <p className="mt-4 text-xs text-red-800/80">
          The URL format is described in docs/url-format.md.
        </p>
      </div>
    </main>
  );
}
