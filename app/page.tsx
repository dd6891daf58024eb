import { OverviewPage } from '@/components/overview/overview-page';
import { loadOverview } from '@/lib/overview/load-overview';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const overview = await loadOverview();
  return <OverviewPage overview={overview} />;
}
