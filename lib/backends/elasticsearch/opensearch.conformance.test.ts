// The conformance suite against a real OpenSearch 2 (started by scripts/search/start.sh),
// for the fluentd, elastic-agent and fluentd-log-string presets.

import { defineSearchConformance } from './testing/conformance-kit';

defineSearchConformance('OPENSEARCH_URL', 'OpenSearch');
