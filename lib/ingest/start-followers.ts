// Starts following AUDITLENS_FOLLOW / `follow:` paths inside the dashboard's process, which
// owns the embedded database.

import { getEmbeddedStore } from '@/lib/backends/registry';
import { getConfig } from '@/lib/config';
import { CheckpointStore } from './checkpoints';
import { Follower } from './follow';
import { formatReport } from './report';

const holder = globalThis as { __auditlensFollower?: Follower };

export async function startConfiguredFollowers(): Promise<void> {
  const config = getConfig();
  if (!config.follow.length || holder.__auditlensFollower) return;
  const store = await getEmbeddedStore();
  const follower = new Follower({
    paths: config.follow,
    sink: store.sink,
    deadLetters: store.deadLetters,
    checkpoints: new CheckpointStore(store.backend.db),
    maxEventBytes: config.maxEventBytes,
    onReport: (r) => console.log(`[follow] ${formatReport(r)}`),
    onError: (e) => console.error(`[follow] ${e.message}`),
  });
  holder.__auditlensFollower = follower;
  follower.start();
  console.log(`[follow] following ${config.follow.join(', ')}`);
}
