import { defineConfig } from '@playwright/test';
import { e2eServers } from './e2e/servers';

const servers = e2eServers();

export default defineConfig({
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  // The first request to a fresh dashboard loads its sample data; CI machines are busy.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: servers.map((s) => ({
    command: `npx next start -H 127.0.0.1 -p ${s.port}`,
    url: `${s.url}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { ...s.env, NEXT_TELEMETRY_DISABLED: '1' },
  })),
});
