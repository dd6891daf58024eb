// The conformance suite against a real Elasticsearch 8 (started by scripts/search/start.sh),
// for the fluentd, elastic-agent and fluentd-log-string presets.

import { defineSearchConformance } from './testing/conformance-kit';

defineSearchConformance('ELASTICSEARCH_URL', 'Elasticsearch');
