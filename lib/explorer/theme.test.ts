import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import {
  forcedTheme,
  readChoice,
  THEME_ATTRIBUTE,
  THEME_INIT_SCRIPT,
  THEME_STORAGE_KEY,
  type Theme,
  type ThemeChoice,
} from './theme';

/** Runs the <head> script against a URL and a stored value; returns the attribute it set. */
function runInitScript(search: string, stored: string | null | 'blocked'): string | null {
  const attributes = new Map<string, string>();
  const context = {
    URLSearchParams,
    location: { search },
    localStorage: {
      getItem(key: string) {
        if (stored === 'blocked') throw new Error('SecurityError');
        return key === THEME_STORAGE_KEY ? stored : null;
      },
    },
    document: {
      documentElement: { setAttribute: (k: string, v: string) => attributes.set(k, v) },
    },
  };
  vm.runInNewContext(THEME_INIT_SCRIPT, context);
  return attributes.get(THEME_ATTRIBUTE) ?? null;
}

describe('theme precedence', () => {
  test('the URL wins, then the stored choice; "system" forces nothing', () => {
    expect(forcedTheme('dark', 'light')).toBe('dark');
    expect(forcedTheme(null, 'light')).toBe('light');
    expect(forcedTheme(null, 'system')).toBeNull();
  });

  test('a stored value that is not a theme follows the system', () => {
    expect(readChoice('dark')).toBe('dark');
    expect(readChoice(null)).toBe('system');
    expect(readChoice('Dark')).toBe('system');
    expect(readChoice('<img src=x>')).toBe('system');
  });
});

describe('the inline script applies the same rule before the page paints', () => {
  const urls: [string, Theme | null][] = [
    ['', null],
    ['?theme=dark', 'dark'],
    ['?verb=get&theme=light', 'light'],
    ['?theme=purple', null],
  ];
  const stored: (ThemeChoice | null)[] = [null, 'light', 'dark'];
  for (const [search, fromUrl] of urls) {
    for (const s of stored) {
      test(`url ${JSON.stringify(search)}, stored ${String(s)}`, () => {
        expect(runInitScript(search, s)).toBe(forcedTheme(fromUrl, readChoice(s)));
      });
    }
  }

  test('blocked storage still honours the URL and throws nothing', () => {
    expect(runInitScript('?theme=dark', 'blocked')).toBe('dark');
    expect(runInitScript('', 'blocked')).toBeNull();
  });
});
