import { describe, expect, it } from 'vitest';
import { defaultLang, htmlLang, isLang, langs, messages, t } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
	it('zh and en have the same keys', () => {
		expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
	});

	it('every message has the same parameters in both languages and no empty text', () => {
		for (const key of Object.keys(messages.zh) as (keyof typeof messages.zh)[]) {
			expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.zh[key]));
			for (const lang of langs) expect(messages[lang][key].trim(), key).not.toBe('');
		}
	});
});

describe('t', () => {
	it.each([
		['zh', '总览'],
		['en', 'Overview']
	] as const)('%s navigation', (lang, text) => expect(t(lang, 'nav.overview')).toBe(text));

	it('interpolates parameters, numbers included', () => {
		expect(t('zh', 'empty.unit', { name: '城关镇' })).toBe('城关镇暂无数据');
		expect(t('en', 'empty.unit', { name: 'Chengguan' })).toBe('No data for Chengguan yet');
		expect(t('zh', 'tile.recent', { n: 12 })).toBe('近 12 个月');
		expect(
			t('zh', 'tile.fraction', {
				numeratorLabel: '政策内出生',
				numerator: 152,
				denominatorLabel: '出生人数',
				denominator: 164
			})
		).toBe('政策内出生 152 / 出生人数 164');
	});

	it('keeps $ patterns in values literal', () => {
		expect(t('en', 'empty.unit', { name: "$& $' $1" })).toBe("No data for $& $' $1 yet");
	});

	it('leaves a missing parameter visible', () => {
		// @ts-expect-error the compiler requires the parameter; this checks the runtime fallback
		expect(t('zh', 'empty.unit', {})).toBe('{name}暂无数据');
	});

	it('language helpers', () => {
		expect(defaultLang).toBe('zh');
		expect(isLang('en')).toBe(true);
		expect(isLang('fr')).toBe(false);
		expect(htmlLang.zh).toBe('zh-CN');
	});
});
