import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
	build: {
		// ECharts (~600 kB) is the one large chunk, and it loads lazily after the first numbers
		chunkSizeWarningLimit: 700,
		// the timing report is for bundler developers, not for a county running `npm start`
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
