// The explorer's top: title, time range, share links, and the security review presets.

import Link from 'next/link';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { CopyLinks } from './copy-links';
import { PresetLinks } from './preset-links';
import { SourcePicker } from './source-picker';
import { TimeRangePicker } from './time-range-picker';

export function ExplorerHeader({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  return (
    <header className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold tracking-tight">
            <Link href="/" prefetch={false} className="hover:text-sky-700">
              Auditlens
            </Link>
          </h1>
          <p className="hidden text-sm text-slate-500 md:block">Kubernetes audit events</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SourcePicker view={view} nav={nav} />
          <TimeRangePicker view={view} nav={nav} />
          <CopyLinks view={view} />
          <Link href="/upload" prefetch={false} className="text-sm text-sky-700 hover:underline">
            Upload
          </Link>
        </div>
      </div>
      <div className="flex items-start justify-between gap-3">
        <PresetLinks view={view} />
        <ThemeToggle />
      </div>
    </header>
  );
}
