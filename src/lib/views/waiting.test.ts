import { describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { WAITING_MESSAGE, waitingFor } from './waiting';

describe('waitingFor', () => {
	it('says nothing while the rows on screen answer the current state', () => {
		for (const e of ['idle', 'loading', 'ready', 'error'] as const)
			expect(waitingFor(false, e)).toBeNull();
	});

	it('names the engine while it is still loading', () => {
		expect(waitingFor(true, 'idle')).toBe('engine');
		expect(waitingFor(true, 'loading')).toBe('engine');
	});

	it('says computing once the engine is there', () => {
		expect(waitingFor(true, 'ready')).toBe('computing');
	});

	it('has the message in both languages', () => {
		expect(t('zh', WAITING_MESSAGE.engine)).toBe('引擎加载中……');
		expect(t('en', WAITING_MESSAGE.engine)).toMatch(/^Loading the .*engine…$/);
		expect(t('zh', WAITING_MESSAGE.computing)).toBe('计算中……');
	});
});
