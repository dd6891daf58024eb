// The root layout: the stylesheet, and the theme applied before the first paint.

import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { THEME_INIT_SCRIPT } from '@/lib/explorer/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'Auditlens',
  description: 'Explore Kubernetes audit events',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  // The script sets data-theme on <html> before hydration; React is told to expect that.
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script>{THEME_INIT_SCRIPT}</script>
      </head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
