'use client';

// The theme in the browser: the viewer's choice (localStorage, shared by every tab), the
// theme the URL forces, and the attribute on <html> that the stylesheet reads. The inline
// script of app/layout.tsx applies the same rule before the first paint.

import { useCallback, useEffect, useSyncExternalStore } from 'react';
import {
  forcedTheme,
  isTheme,
  readChoice,
  THEME_ATTRIBUTE,
  THEME_PARAM,
  THEME_STORAGE_KEY,
  type Theme,
  type ThemeChoice,
} from './theme';

const CHANGED = 'auditlens:theme-change';
/** Used when storage is blocked (private mode, sandboxed embeds): the choice lasts the page. */
let unstoredChoice: ThemeChoice | null = null;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function storedChoice(): ThemeChoice {
  if (unstoredChoice !== null) return unstoredChoice;
  try {
    return readChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

function urlTheme(): Theme | null {
  const raw = new URLSearchParams(window.location.search).get(THEME_PARAM);
  return isTheme(raw) ? raw : null;
}

function saveChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
    unstoredChoice = null;
  } catch {
    unstoredChoice = choice;
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function applyTheme(theme: Theme | null): void {
  const root = document.documentElement;
  if (theme === null) root.removeAttribute(THEME_ATTRIBUTE);
  else root.setAttribute(THEME_ATTRIBUTE, theme);
}

export interface ThemeState {
  /** The viewer's stored choice. */
  choice: ThemeChoice;
  /** The theme `theme=` in the URL forces, which wins over the choice. */
  urlTheme: Theme | null;
  setChoice: (choice: ThemeChoice) => void;
}

export function useTheme(): ThemeState {
  // The server renders "system" and no URL theme; the browser's values follow after hydration.
  const choice = useSyncExternalStore(subscribe, storedChoice, () => 'system' as const);
  const fromUrl = useSyncExternalStore(subscribe, urlTheme, () => null);
  // Reads the stores, not the rendered values: right after hydration those are still the
  // server's, and applying them would undo the <head> script's theme for a frame.
  useEffect(() => applyTheme(forcedTheme(urlTheme(), storedChoice())), [fromUrl, choice]);
  const setChoice = useCallback((c: ThemeChoice) => saveChoice(c), []);
  return { choice, urlTheme: fromUrl, setChoice };
}
