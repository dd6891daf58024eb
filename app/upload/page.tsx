import Link from 'next/link';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { UploadPanel } from '@/components/upload/upload-panel';

export const metadata = { title: 'Upload · Auditlens' };

/** Drag-and-drop import of audit log files into the embedded store. */
export default function UploadPage() {
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-4 md:p-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold tracking-tight">
          <Link href="/" prefetch={false} className="hover:text-sky-700">
            Auditlens
          </Link>
        </h1>
        <p className="text-sm text-slate-500">Upload audit logs</p>
        <Link href="/" prefetch={false} className="ml-auto text-sm text-sky-700 hover:underline">
          Back to the explorer
        </Link>
        <ThemeToggle />
      </header>
      <UploadPanel />
    </main>
  );
}
