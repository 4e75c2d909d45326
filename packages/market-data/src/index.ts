export * from './fetch-polygon-price';
export * from './polygon-market-data';
export * from './sliding-window-limiter';
export * from './stored-prices';
