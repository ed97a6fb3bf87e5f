export {
	DASH,
	formatAmount,
	formatBytes,
	formatChange,
	formatCount,
	formatDistance,
	formatIndicatorValue,
	formatMeasure,
	formatNumber,
	formatQuantity,
	formatScore,
	formatYuan,
	roundTo,
	type AmountKind
} from './number';
export {
	formatDateTime,
	formatMonth,
	formatMonthRange,
	formatMonthName,
	formatPartial,
	formatPeriodAxis,
	formatPeriodKey
} from './period';
export { formatDate } from './date';
export { csvExport, escapeHtml, joinRemarks, paren, type CsvCell } from './text';
