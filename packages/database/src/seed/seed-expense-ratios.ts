/**
 * Net expense ratios of the 22 seed instruments, as fractions a year (0.000945 = 0.0945%), from each issuer's
 * published figure: its fund fact sheet or product page (SSGA for SPY, GLD and the Select Sector SPDRs,
 * Invesco for QQQ, iShares for IWM, EFA, AGG, TLT, HYG, SLV, AOR and AOA, Vanguard for VEA, VWO, BND, VNQ,
 * VUG, VTV and VIG), as published in 2025 (Vanguard's after its February 2025 reductions). Checked against
 * copies of those pages where they could be found (SSGA's SPY fact sheets 2020-2023: 0.0945%; SSGA's GLD
 * page: 0.40%; iShares AOR: 0.15% net; 2025 fund pages for XLK 0.08%, EFA 0.35%, IWM 0.19%, TLT 0.15%); the
 * others are the issuers' 2025 figures as recalled, not re-read. Issuers revise them yearly with the
 * prospectus: refresh them with `pnpm alex instruments import FILE` (field `expense_ratio`).
 */
export const SEED_EXPENSE_RATIOS = {
  SPY: 0.000945,
  QQQ: 0.002,
  IWM: 0.0019,
  VEA: 0.0003,
  VWO: 0.0007,
  EFA: 0.0035,
  AGG: 0.0003,
  BND: 0.0003,
  TLT: 0.0015,
  HYG: 0.0049,
  XLK: 0.0008,
  XLV: 0.0008,
  XLF: 0.0008,
  XLE: 0.0008,
  VNQ: 0.0013,
  GLD: 0.004,
  SLV: 0.005,
  AOR: 0.0015,
  AOA: 0.0015,
  VUG: 0.0004,
  VTV: 0.0004,
  VIG: 0.0005,
} as const satisfies Record<string, number>;
