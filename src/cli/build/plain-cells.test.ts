import { describe, expect, it } from 'vitest';
import { parseDay } from '../../lib/periods';
import { parseMonthCell } from './month-cell';
import { plainDay, plainMonth } from './plain-cells';

describe('the plain month fast path', () => {
	it.each([
		['2024-03', 2024 * 12 + 2],
		['2024年3月', 2024 * 12 + 2],
		['2024年03月', 2024 * 12 + 2],
		['2024年12月', 2024 * 12 + 11],
		['1949-01', 1949 * 12],
		['2200-12', 2200 * 12 + 11]
	])('reads %s as the full rules do', (text, month) => {
		expect(plainMonth(text)).toBe(month);
		expect(parseMonthCell(text)).toBe(month);
	});

	// each of these goes to the full rules, which accept some (other forms) and refuse others
	it.each(['2024-3', '2024/03', '２０２４-03', '2024－03', ' 2024-03', '2024-03 ', '2024-00', '2024-13', '1948-12', '2201-01', '+024-03', '2024-0a', '202403', '2024年3', '2024年13月', '2024年0月', '2024年123月', '2024 年3月', '2024年 3月', '２０２４年3月', '2024年３月', '1948年12月', '', '45292'])(
		'hands %j to the full rules',
		(text) => expect(plainMonth(text)).toBeNull()
	);
});

describe('the plain date fast path', () => {
	it.each([
		['2024-04-02', parseDay('2024-04-02')],
		['2024-02-29', parseDay('2024-02-29')],
		['1970-01-01', 0],
		['2023-12-31', parseDay('2023-12-31')]
	])('reads %s as the full rules do', (text, day) => {
		expect(day).not.toBeNull();
		expect(plainDay(text)).toBe(day);
	});

	it.each(['2024-4-02', '2024/04/02', '2024-02-30', '2023-02-29', '2024-04-00', '2024-13-01', '1948-12-31', ' 2024-04-0', '2024-04-02 ', '２０２４-04-02', '20240402', '2024-04-0x', '-024-04-02'])(
		'hands %j to the full rules',
		(text) => expect(plainDay(text)).toBeNull()
	);
});
