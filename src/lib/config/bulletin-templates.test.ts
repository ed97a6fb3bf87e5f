import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from './catalog';
import { parseScheme } from './scheme';
import { fillTemplate } from './bulletin-templates';

/** The 通报's templates are validated with the scheme: a mistake names its key, as config errors do. */
const catalog = parseCatalog(readFileSync('data/config/indicators.yaml', 'utf8'));
const shipped = readFileSync('data/config/scheme-2024.yaml', 'utf8');
const parse = (text: string) => () => parseScheme(text, catalog, 'scheme-2024.yaml');

describe('bulletin templates in the scheme', () => {
	it('the shipped scheme has every template, in both languages', () => {
		const b = parseScheme(shipped, catalog).bulletin!;
		expect(b.lead.zh).toBe('全县{indicator} {value}，{change}，{target}。');
		expect(Object.keys(b.change)).toEqual([
			'rising',
			'falling',
			'unchanged',
			'no_last_year',
			'not_comparable'
		]);
	});

	it('refuses a misspelt placeholder, naming the key and the names it may use', () =>
		expect(parse(shipped.replace('全县{indicator} {value}', '全县{indicator} {vaule}'))).toThrow(
			'bulletin.lead.zh: unknown placeholder {vaule} (allowed: {indicator}, {value}, {change}, {target})'
		));

	it('refuses a placeholder the text cannot be given', () =>
		expect(parse(shipped.replace('与上年同期持平', '与上年同期持平 {change}'))).toThrow(
			'bulletin.change.unchanged.zh: unknown placeholder {change} (this text takes none)'
		));

	it('refuses a stray brace', () =>
		expect(parse(shipped.replace('同比上升 {change}', '同比上升 {change'))).toThrow(
			'bulletin.change.rising.zh: a brace that does not enclose a placeholder name'
		));

	it('refuses a missing template and a missing language', () => {
		expect(parse(shipped.replace(/^ {2}closing: .*$/m, ''))).toThrow('bulletin.closing');
		expect(
			parse(
				shipped.replace(
					'equal: { zh: "与目标持平", en: "level with the target of {target}" }',
					'equal: { zh: "与目标持平" }'
				)
			)
		).toThrow('bulletin.target.equal.en');
	});

	it('refuses an unknown template key (a typo would otherwise be ignored)', () =>
		expect(
			parse(shipped.replace('  closing:', '  closeing: { zh: a, en: b }\n  closing:'))
		).toThrow('closeing'));

	it('a scheme without the section still loads (a set built before templates existed)', () => {
		const without = shipped.slice(0, shipped.indexOf('\nbulletin:'));
		expect(parseScheme(without, catalog).bulletin).toBeUndefined();
	});

	it('fills every named placeholder, leaving text with $ patterns as it is', () =>
		expect(fillTemplate('{unit}：{card}', { unit: '$& 甲镇', card: '红牌' })).toBe(
			'$& 甲镇：红牌'
		));
});
