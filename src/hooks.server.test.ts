import { describe, expect, it } from 'vitest';
import { bootFirst } from './hooks.server';

describe('bootFirst', () => {
	const csp = `<meta http-equiv="content-security-policy" content="script-src 'self'">`;
	// as app.html writes it: the engine's files as attributes on lines of their own
	const script = `<script\n\t\t\tdata-assets="."\n\t\t\tdata-engine-wasm="_app/e.wasm"\n\t\t>(() => { const $ = 1; })();</script>`;

	it('puts the boot script right after the CSP meta, before the stylesheets, text unchanged', () => {
		const html = `<head>${csp}<link href="a.css" rel="stylesheet">\n${script}</head>`;
		expect(bootFirst(html)).toBe(
			`<head>${csp}${script}<link href="a.css" rel="stylesheet">\n</head>`
		);
	});

	it('leaves a page without the CSP meta or the script as it is', () => {
		expect(bootFirst(`<head>${script}</head>`)).toBe(`<head>${script}</head>`);
		expect(bootFirst(`<head>${csp}</head>`)).toBe(`<head>${csp}</head>`);
	});
});
