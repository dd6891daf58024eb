import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { EventPermalink } from '@/components/explorer/detail/event-permalink';
import { ParamError } from '@/components/explorer/param-error';
import { DEFAULT_COLUMNS } from '@/lib/explorer/columns';
import { isTheme, THEME_PARAM, type Theme } from '@/lib/explorer/theme';
import { DEFAULT_SPLIT, viewHref } from '@/lib/explorer/view-state';
import { defaultQuery } from '@/lib/query/codec';
import { quote } from '@/lib/query/errors';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ auditID: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const SOURCE = /^[A-Za-z0-9_.-]{1,64}$/;

/** /events/<auditID>: one request's drill-down as a page of its own, to link from anywhere. */
export default async function EventPage({ params, searchParams }: Props) {
  const { auditID } = await params;
  const search = await searchParams;
  const unknown = Object.keys(search).find((k) => k !== 'source' && k !== THEME_PARAM);
  if (unknown !== undefined) {
    const message = `unknown parameter ${quote(unknown)}: this page accepts only source and theme`;
    return <ParamError error={{ param: unknown, message }} />;
  }
  const source = search.source ?? 'default';
  if (typeof source !== 'string' || !SOURCE.test(source)) {
    const message = `parameter "source": expected one source name of 1 to 64 letters, digits, _ . or -`;
    return <ParamError error={{ param: 'source', message }} />;
  }
  const theme = search[THEME_PARAM] ?? null;
  if (theme !== null && !isTheme(theme)) {
    const message = `parameter "theme": expected light or dark, got ${quote(String(theme))}`;
    return <ParamError error={{ param: THEME_PARAM, message }} />;
  }
  return (
    <main className="mx-auto max-w-4xl px-4 py-6">
      <nav className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href="/" className="text-xl font-semibold tracking-tight hover:text-sky-700">
          Auditlens
        </Link>
        <span className="flex flex-wrap items-center gap-2">
          <ThemeToggle />
          <Link
            href={explorerHref(auditID, source, theme)}
            prefetch={false}
            className={buttonClass('secondary')}
          >
            Every stage in the explorer
          </Link>
          <Link
            href={theme === null ? '/' : `/?${THEME_PARAM}=${theme}`}
            prefetch={false}
            className={buttonClass('secondary')}
          >
            Back to the explorer
          </Link>
        </span>
      </nav>
      <EventPermalink auditID={auditID} source={source} theme={theme} />
    </main>
  );
}

/** The explorer over the last 30 days, showing every stage event of this one request. */
function explorerHref(auditID: string, source: string, theme: Theme | null): string {
  const query = {
    ...defaultQuery(),
    source,
    from: { kind: 'relative' as const, offsetSeconds: 30 * 86_400 },
    filters: [
      {
        dimension: 'stage' as const,
        exclude: false,
        values: [{ op: 'prefix' as const, value: '' }],
      },
      {
        dimension: 'auditID' as const,
        exclude: false,
        values: [{ op: 'eq' as const, value: auditID }],
      },
    ],
  };
  return viewHref({ query, split: DEFAULT_SPLIT, event: auditID, cols: DEFAULT_COLUMNS, theme });
}
