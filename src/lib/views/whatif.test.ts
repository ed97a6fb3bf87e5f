import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import { parseScheme } from '../config/scheme';
import { applyEdits, decodeEdits, editProblems, encodeEdits, hasEdits, schemeYaml } from './whatif';

const config = defaultConfig();
const scheme = config.schemes.get(2024)!;

describe('方案模拟 edits', () => {
	const edits = {
		indicators: {
			policy_compliance_rate: { weight: 34 },
			fee_collection_rate: { weight: 1, floor: 20 }
		},
		tiers: { 优质服务先进: '1-8' }
	};

	it('travel in the URL and come back the same; junk is dropped', () => {
		expect(decodeEdits(encodeEdits(edits), scheme)).toEqual(edits);
		const junk = encodeEdits({
			indicators: { nope: { weight: 1 }, checkup_rate: { weight: 'x' as never, falloff: 3 } },
			tiers: { 不存在: '1-2' }
		});
		expect(hasEdits(decodeEdits(junk, scheme))).toBe(false);
		expect(decodeEdits('%%%', scheme)).toEqual({ indicators: {}, tiers: {} });
	});

	it('make a whole scheme whose YAML kaoping assess --scheme accepts as the same scheme', async () => {
		const edited = applyEdits(scheme, edits);
		expect(edited.indicators.fee_collection_rate).toMatchObject({
			weight: 1,
			floor: 20,
			target: 80
		});
		expect(edited.tiers[0].ranks).toBe('1-8');
		expect(editProblems(edited)).toEqual([]);
		const back = parseScheme(await schemeYaml(edited, 'zh'), config.catalog, 'whatif.yaml');
		expect(back.indicators).toEqual(edited.indicators);
		expect(back.tiers).toEqual(edited.tiers);
	});

	it('weights that do not add up to 100 are an error, not rescaled', () => {
		const edited = applyEdits(scheme, { indicators: { checkup_rate: { weight: 20 } }, tiers: {} });
		expect(editProblems(edited)).toEqual([{ key: 'whatif.weights', params: { total: '105' } }]);
		expect(edited.indicators.checkup_rate.weight).toBe(20);
	});

	it('bounds in the wrong order and unreadable tier ranges are named', () => {
		const edited = applyEdits(scheme, {
			indicators: { policy_compliance_rate: { floor: 95 } },
			tiers: { 一类先进: 'eleven' }
		});
		expect(editProblems(edited).map((p) => p.key)).toEqual(['whatif.floor', 'whatif.tier']);
	});
});
