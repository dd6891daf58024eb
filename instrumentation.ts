// Runs once when the dashboard's server starts: follows the configured audit log paths.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startConfiguredFollowers } = await import('./lib/ingest/start-followers');
  await startConfiguredFollowers();
}
