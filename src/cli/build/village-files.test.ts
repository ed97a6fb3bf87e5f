import { describe, expect, it } from 'vitest';
import { splitInHalves } from './village-files';

const towns = (...rows: number[]) => rows.map((n, i) => ({ key: `99010${i}`, rows: n }));

describe('splitting the townships for two writers', () => {
	it('cuts where half the rows are written', () => {
		expect(splitInHalves(towns(10, 10, 10, 10))).toEqual([`township_code < '990102' OR township_code IS NULL`, `township_code >= '990102'`]);
		expect(splitInHalves(towns(30, 5, 5, 5, 5))).toEqual([`township_code < '990101' OR township_code IS NULL`, `township_code >= '990101'`]);
		expect(splitInHalves(towns(10, 20, 10))).toEqual([`township_code < '990101' OR township_code IS NULL`, `township_code >= '990101'`]);
		expect(splitInHalves(towns(5, 5, 5, 5, 30))).toEqual([`township_code < '990104' OR township_code IS NULL`, `township_code >= '990104'`]);
		expect(splitInHalves(towns(1, 100))).toEqual([`township_code < '990101' OR township_code IS NULL`, `township_code >= '990101'`]);
	});

	it('leaves one writer when there is nothing to split', () => {
		expect(splitInHalves(towns(100))).toEqual(['true']);
		expect(splitInHalves([])).toEqual(['true']);
	});
});
