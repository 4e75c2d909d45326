/** The body dashboard.tsx PUTs to /api/user when its settings form is saved: goals that each sum to 100. */
export const SETTINGS_FORM_BODY = {
  display_name: 'Ada Lovelace',
  years_until_retirement: 25,
  target_retirement_income: 90000,
  asset_class_targets: { equity: 60, fixed_income: 40 },
  region_targets: { north_america: 70, international: 30 },
};
