// Which server a source points at, and its version. `GET /` tells both on OpenSearch and on
// a full Elasticsearch; Elasticsearch's stripped integ-test build answers it 405, so the
// `X-elastic-product` header and the node info are asked instead.

import { isRecord } from '@/lib/audit/json-value';
import { StoreError } from '../errors';
import type { SearchHttp } from './search-http';
import { errorFromAnswer } from './store-errors';

export type Product = 'elasticsearch' | 'opensearch';

export interface ServerInfo {
  product: Product;
  version: string;
  major: number;
  minor: number;
}

export const PRODUCT_LABEL: Record<Product, string> = {
  elasticsearch: 'Elasticsearch',
  opensearch: 'OpenSearch',
};

/** Oldest versions with everything the adapter uses (case-insensitive wildcard: ES 7.10). */
const MINIMUM: Record<Product, [number, number]> = { elasticsearch: [7, 10], opensearch: [1, 0] };

function parseVersion(product: Product, version: string): ServerInfo {
  const [major = 0, minor = 0] = version.split('.').map((x) => Number.parseInt(x, 10));
  return { product, version, major, minor };
}

async function nodeVersion(http: SearchHttp): Promise<string> {
  const body = await http.ok('GET', '_nodes/_local?filter_path=nodes.*.version');
  const nodes = isRecord(body) && isRecord(body.nodes) ? Object.values(body.nodes) : [];
  const first = nodes.find(isRecord);
  return first && typeof first.version === 'string' ? first.version : '';
}

export async function detectServer(http: SearchHttp, source: string): Promise<ServerInfo> {
  const root = await http.send('GET', '');
  let info: ServerInfo | null = null;
  const version = isRecord(root.body) && isRecord(root.body.version) ? root.body.version : null;
  if (root.status === 200 && version && typeof version.number === 'string') {
    const product = version.distribution === 'opensearch' ? 'opensearch' : 'elasticsearch';
    info = parseVersion(product, version.number);
  } else if (root.headers.get('x-elastic-product') === 'Elasticsearch') {
    info = parseVersion('elasticsearch', await nodeVersion(http));
  } else if (root.status === 401 || root.status === 403 || root.status >= 500) {
    throw errorFromAnswer(http.context, root.status, root.body, root.raw);
  }
  if (!info || !info.version) {
    throw new StoreError(
      'store_error',
      source,
      `source "${source}": ${http.context.url} does not look like Elasticsearch or OpenSearch ` +
        `(GET / answered HTTP ${root.status} without a version or an X-elastic-product header)`,
      root.status,
    );
  }
  const [minMajor, minMinor] = MINIMUM[info.product];
  if (info.major < minMajor || (info.major === minMajor && info.minor < minMinor)) {
    throw new StoreError(
      'misconfigured',
      source,
      `source "${source}": ${PRODUCT_LABEL[info.product]} ${info.version} is too old; ` +
        `Auditlens needs ${minMajor}.${minMinor} or later`,
    );
  }
  return info;
}

/** hits.total is `{value, relation}` since ES 7 and in OpenSearch, a number before. */
export function totalHits(hits: unknown): number {
  if (!isRecord(hits)) return 0;
  const t = hits.total;
  if (typeof t === 'number') return t;
  if (isRecord(t) && typeof t.value === 'number') return t.value;
  return 0;
}
