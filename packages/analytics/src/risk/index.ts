export { PortfolioRisk, type PortfolioRiskOptions, portfolioRisk } from './portfolio-risk';
