// The cost estimate of an API (issue 17, point 7): prices, the calculator, counts as people write them.
export * from './priceTable';
export {
  estimateCost,
  meteredIncrements,
  type CostUsage,
  type CostLine,
  type CostEstimate,
  type EstimateResult,
} from './estimate';
export { formatEstimate } from './formatEstimate';
export { formatUsd, formatCount } from './money';
export { parseQuantity, parseCount, type QuantityResult } from './quantity';
