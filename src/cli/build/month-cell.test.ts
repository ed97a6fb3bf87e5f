import { describe, expect, it } from 'vitest';
import { monthText } from '../../lib/periods';
import { parseMonthCell } from './month-cell';

const read = (t: string) => {
	const m = parseMonthCell(t);
	return m === null ? null : monthText(m);
};

describe('a 月份 cell', () => {
	it.each([
		['2024-03', '2024-03'],
		['2024年3月', '2024-03'],
		['2024-01-01', '2024-01'],
		['2024/1/1', '2024-01'],
		['2024/1/25', '2024-01'],
		['2024年2月29日', '2024-02'],
		['20240301', '2024-03'],
		['2024-01-01 00:00:00', '2024-01'],
		['2024-01-31T00:00', '2024-01'],
		['45292', '2024-01'],
		['45351.0', '2024-02'],
		['２０２４－０３－０１', '2024-03']
	])('%s is the month %s', (text, month) => expect(read(text)).toBe(month));

	it.each(['2024-02-30', '2024-13-01', '12345', '1', '2024-01-01 25:00:00x', '2024年', '2024-03-01 x'])('%s is refused', (text) =>
		expect(read(text)).toBeNull()
	);
});
