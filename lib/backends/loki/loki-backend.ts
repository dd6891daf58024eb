// The Loki backend for the app: the adapter (loki-adapter.ts) behind the server-only
// guard, as it holds the source's credentials.

import 'server-only';
import type { LokiSourceConfig } from '@/lib/config/schema';
import type { AuditBackend } from '../types';
import { LokiAdapter } from './loki-adapter';

export function createLokiBackend(source: LokiSourceConfig): AuditBackend {
  return new LokiAdapter(source);
}
