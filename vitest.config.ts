import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts']
  }
})
