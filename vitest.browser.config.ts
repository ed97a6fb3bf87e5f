import { defineConfig } from 'vitest/config';

// Browser tests: real Debian Chromium against the built site served on 127.0.0.1.
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		globalSetup: ['tests/browser/global-setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 300_000,
		fileParallelism: false
	}
});
