// Light and dark theme: which one a page shows. In order of precedence: `theme=light|dark`
// in the URL (for embeds and shared links), the viewer's stored choice (the toggle, in
// localStorage), then the system's preference. "Follow the system" leaves <html> without a
// data-theme attribute, and the stylesheet's prefers-color-scheme rule decides.

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** What the toggle stores: a theme, or `system` to follow the system's preference. */
export type ThemeChoice = Theme | 'system';

export const THEME_PARAM = 'theme';
export const THEME_STORAGE_KEY = 'auditlens-theme';
export const THEME_ATTRIBUTE = 'data-theme';

export function isTheme(s: unknown): s is Theme {
  return s === 'light' || s === 'dark';
}

/** A stored choice; anything unreadable (another app's value, a hand edit) follows the system. */
export function readChoice(raw: string | null | undefined): ThemeChoice {
  return isTheme(raw) ? raw : 'system';
}

/** The theme to force on <html>, or null to follow the system. */
export function forcedTheme(urlTheme: Theme | null, choice: ThemeChoice): Theme | null {
  return urlTheme ?? (choice === 'system' ? null : choice);
}

/**
 * Runs in <head> before the page paints, so a dark page never flashes light. Self-contained
 * (no imports reach it): it repeats forcedTheme() over the URL and localStorage, and does
 * nothing when storage is blocked.
 */
export const THEME_INIT_SCRIPT = `(function(){try{var v=function(t){return t==='light'||t==='dark'?t:null};var s=null;try{s=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}var t=v(new URLSearchParams(location.search).get(${JSON.stringify(THEME_PARAM)}))||v(s);if(t)document.documentElement.setAttribute(${JSON.stringify(THEME_ATTRIBUTE)},t)}catch(e){}})();`;
