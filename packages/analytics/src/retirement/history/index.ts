export type { AnnualMarketYear } from './derive-annual-history';
export { fitInflationAr1, fitInflationModel } from './fit-inflation';
export { US_ANNUAL_HISTORY } from './us-annual-history';
