import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
	countyName,
	townshipName,
	villageName,
	type TownshipKind,
	type VillageKind
} from './names';
import { Rng } from './random';

describe('invented names', () => {
	const townships: [TownshipKind, RegExp][] = [
		['镇', /^[\u4e00-\u9fff]{2}镇$/],
		['乡', /^[\u4e00-\u9fff]{2}乡$/],
		['街道', /^[\u4e00-\u9fff]{2}街道$/]
	];
	it.each(townships)('names a %s township with its kind as suffix', (kind, shape) => {
		const rng = new Rng(1);
		for (let i = 0; i < 20; i++) expect(townshipName(rng, kind, new Set())).toMatch(shape);
	});

	const villages: [VillageKind, RegExp][] = [
		['村委会', /^[\u4e00-\u9fff]{2,4}村$/],
		['社区', /^[\u4e00-\u9fff]{2,3}社区$/],
		['居委会', /^[\u4e00-\u9fff]{2,3}居委会$/]
	];
	it.each(villages)('names a %s like real ones', (kind, shape) => {
		const rng = new Rng(2);
		for (let i = 0; i < 30; i++) expect(villageName(rng, kind, new Set())).toMatch(shape);
	});

	it('gives a village name like 李家庄村 among the village names', () => {
		const rng = new Rng(3);
		const names = Array.from({ length: 60 }, () => villageName(rng, '村委会', new Set()));
		expect(names.some((n) => /^.家.村$/.test(n))).toBe(true);
	});

	it('keeps names unique within a parent, even past the number of plain stems', () => {
		const rng = new Rng(4);
		const used = new Set<string>();
		const names = Array.from({ length: 120 }, () => villageName(rng, '社区', used));
		expect(new Set(names).size).toBe(120);
	});

	it('writes only characters GBK can encode', () => {
		const rng = new Rng(5);
		const used = new Set<string>();
		const all = [
			countyName(rng, new Set()),
			...(['镇', '乡', '街道'] as const).map((k) => townshipName(rng, k, used)),
			...Array.from({ length: 300 }, () =>
				villageName(rng, rng.pick(['村委会', '社区', '居委会'] as const), new Set())
			)
		].join(',');
		expect(iconv.decode(iconv.encode(all, 'gbk'), 'gbk')).toBe(all);
	});
});
