'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ViewNavigation } from '@/lib/explorer/use-view';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { AddFilterForm } from './add-filter-form';

/** "+ Filter", opening the form that adds one. */
export function AddFilter({ view, nav }: { view: ExplorerView; nav: ViewNavigation }) {
  const [open, setOpen] = useState(false);
  if (!open) return <Button onClick={() => setOpen(true)}>+ Filter</Button>;
  return <AddFilterForm view={view} nav={nav} onClose={() => setOpen(false)} />;
}
