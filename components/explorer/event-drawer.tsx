'use client';

import { Drawer } from '@/components/ui/drawer';
import type { ExplorerView } from '@/lib/explorer/view-state';
import { EventDetail } from './detail/event-detail';

/** The drill-down of the request named by `event=` in the URL; Esc or × closes it. */
export function EventDrawer({
  auditID,
  view,
  onClose,
}: {
  auditID: string;
  view: ExplorerView;
  onClose: () => void;
}) {
  return (
    <Drawer label={`Request ${auditID}`} onClose={onClose}>
      <EventDetail auditID={auditID} base={{ ...view, event: null }} showPermalink />
    </Drawer>
  );
}
