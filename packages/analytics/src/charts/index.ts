export {
  CHART_CATALOG,
  CHART_KEYS,
  type ChartCatalogEntry,
  type ChartKey,
  isChartKey,
} from './chart-catalog';
export {
  ASSET_CLASS_COLORS,
  CHART_PALETTE,
  type ChartColor,
  colorForName,
  displayName,
  distinctColors,
  formatDollars,
  OTHER_COLOR,
  REGION_COLORS,
  SECTOR_COLORS,
} from './chart-style';
export { computeCharts } from './compute-charts';
export { type ChartReconciliation, reconcileChart } from './reconcile-chart';
export {
  ChartChoiceItem,
  ChartChoiceList,
  type ChartSelection,
  MAX_CHOSEN_CHARTS,
  plainText,
  selectCharts,
} from './select-charts';
