import { InstrumentsFile } from '@alex/contracts';
import { toInstrumentInput } from '../repositories/import-portfolio';
import type { InstrumentInput } from '../repositories/instruments';
import seedFile from './seed-instruments.json' with { type: 'json' };

/**
 * The 22 seed instruments, from seed-instruments.json (an `alex instruments import` file, checked by the same
 * schema): the reference's prices and allocation maps (reference §2.5), and each one's net expense ratio as a
 * fraction a year (0.000945 = 0.0945%).
 *
 * The expense ratios are each issuer's published figure: its fund fact sheet or product page (SSGA for SPY,
 * GLD and the Select Sector SPDRs, Invesco for QQQ, iShares for IWM, EFA, AGG, TLT, HYG, SLV, AOR and AOA,
 * Vanguard for VEA, VWO, BND, VNQ, VUG, VTV and VIG), as published in 2025 (Vanguard's after its February 2025
 * reductions). Checked against copies of those pages where they could be found (SSGA's SPY fact sheets
 * 2020-2023: 0.0945%; SSGA's GLD page: 0.40%; iShares AOR: 0.15% net; 2025 fund pages for XLK 0.08%, EFA
 * 0.35%, IWM 0.19%, TLT 0.15%); the others are the issuers' 2025 figures as recalled, not re-read. Issuers
 * revise them yearly with the prospectus: refresh them with `pnpm alex instruments import FILE`.
 */
export function seedInstruments(): InstrumentInput[] {
  return InstrumentsFile.parse(seedFile).instruments.map(toInstrumentInput);
}
