export { portfolioExpenseRatio } from './expense-ratio';
export { PortfolioRisk, type PortfolioRiskOptions, portfolioRisk } from './portfolio-risk';
