'use client';

import { useTheme } from '@/lib/explorer/use-theme';
import type { ThemeChoice } from '@/lib/explorer/theme';

const OPTIONS: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark or the system's theme; remembered in this browser. A `theme=` link overrides it. */
export function ThemeToggle() {
  const { choice, urlTheme, setChoice } = useTheme();
  const locked = urlTheme !== null;
  return (
    <label
      className="flex items-center gap-1.5 text-xs text-slate-600"
      title={locked ? `Set by this link (theme=${urlTheme})` : 'Colour theme, kept in this browser'}
    >
      Theme
      <select
        value={urlTheme ?? choice}
        disabled={locked}
        onChange={(e) => {
          const next = OPTIONS.find((o) => o.value === e.target.value);
          if (next) setChoice(next.value);
        }}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800 disabled:opacity-60"
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
