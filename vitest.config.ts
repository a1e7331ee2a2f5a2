import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['platform-source'] },
  ssr: { resolve: { conditions: ['platform-source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'environments/*/**/*.test.ts',
      'test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
