// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB's native bindings must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

module.exports = nextConfig;
