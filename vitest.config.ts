import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) are pure; integration tests (*.int.test.ts) share one throwaway Neo4j that
// tests/support/globalSetup.ts starts on a free port with a temp data dir and always stops.
export default defineConfig({
  test: {
    globalSetup: ['tests/support/globalSetup.ts'],
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration files share one database; run files one at a time so their cleanup cannot collide.
    fileParallelism: false,
    reporters: ['default'],
  },
});
