import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const planningBoundary = {
	group: [
		'**/engine/**',
		'$lib/engine/**',
		'@duckdb/*',
		'echarts',
		'echarts/*',
		'svelte',
		'svelte/*',
		'$app/*'
	],
	message: 'planning code must not depend on the engine, DuckDB, ECharts or Svelte'
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Views navigate by query string only (every selection lives in the URL) and page links
			// are resolve() plus a query; the rule cannot see either as resolved.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Query planning and the assessment stay pure: the same code runs in Node tests, the CLI and
		// the browser.
		files: [
			'src/lib/{config,query,views,sql,connector,extract,assess}/**/*.ts',
			'src/lib/periods.ts'
		],
		ignores: [
			'**/*.test.ts',
			'src/lib/connector/node.ts',
			'src/lib/connector/node-duckdb.ts',
			'src/lib/query/fixture.ts'
		],
		rules: { 'no-restricted-imports': ['error', { patterns: [planningBoundary] }] }
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/data/',
			'data/demo/',
			'tests/output/',
			'bench/output/'
		]
	}
);
