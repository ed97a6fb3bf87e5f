export {
	DASH,
	formatChange,
	formatCount,
	formatIndicatorValue,
	formatMeasure,
	formatNumber,
	formatQuantity,
	formatYuan
} from './number';
export {
	formatMonth,
	formatMonthName,
	formatPartial,
	formatPeriodAxis,
	formatPeriodKey
} from './period';
export { formatDate } from './date';
export { csvExport, escapeHtml, type CsvCell } from './text';
