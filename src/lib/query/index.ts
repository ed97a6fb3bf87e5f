export { bucketPeriods, bucketRows, bucketsCte, monthIndexSql } from './buckets';
export type { BucketRow, Reach } from './buckets';
export {
	bucketMonthsCte,
	monthTable,
	periodTermsCte,
	termsCte,
	unitFilterSql,
	unitMonthsCte,
	unitTasksCte
} from './base';
export { bucketColumn, indicatorExpr, planIndicators, taskColumn } from './terms';
export type { BucketColumn, IndicatorExpr, Plan } from './terms';
export { matchedColumn, matchedIds, matchedSelectSql, matchedShape } from './matched';
export type { Matched } from './matched';
export {
	indicatorSelect,
	indicatorSeriesSql,
	indicatorsSql,
	indicatorValuesSql
} from './indicators';
export type { IndicatorsQuery } from './indicators';
export { pivotSql, spanOf, TOTAL } from './pivot';
export type { PivotQuery, PivotRow } from './pivot';
export { indicatorRowColumns, levels } from './types';
export type { IndicatorRow, Level, SeriesSpec, UnitSelection, ValuesSpec } from './types';
