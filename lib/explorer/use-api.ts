'use client';

// One GET of the JSON API per URL. While a new URL loads, the previous answer stays
// (panels dim it rather than flash empty); an error is kept until the next answer.

import { useEffect, useState } from 'react';
import { fetchApi, type ApiError } from './api-client';

export interface ApiState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

interface Answer<T> {
  url: string | null;
  data: T | null;
  error: ApiError | null;
}

export function useApi<T>(url: string | null): ApiState<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ url: null, data: null, error: null });
  useEffect(() => {
    if (url === null) return;
    const ctrl = new AbortController();
    void fetchApi<T>(url, ctrl.signal).then((r) => {
      if (ctrl.signal.aborted) return;
      setAnswer(r.ok ? { url, data: r.data, error: null } : { url, data: null, error: r.error });
    });
    return () => ctrl.abort();
  }, [url]);
  const loading = url !== null && answer.url !== url;
  return { data: answer.data, error: loading ? null : answer.error, loading };
}
